package dev.portcullis.security.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The DRF view a hand-written endpoint stands for, as OPTIONS names and describes it: DRF's name of the view's class
 * ({@code TokenObtainPairView} is {@code Token Obtain Pair}) and its docstring. Without it, an endpoint is named after
 * its resource class, and described by nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface View {

    String name();

    String description() default "";
}
