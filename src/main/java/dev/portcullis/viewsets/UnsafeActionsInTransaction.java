package dev.portcullis.viewsets;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every resource method of the bean whose HTTP method is unsafe (POST, PUT, PATCH, DELETE, or any other but GET,
 * HEAD and OPTIONS) runs in a transaction, joining one already open: a viewset's extra action needs no
 * {@code @Transactional} to save what it changes. Inherited, so that every viewset has it.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UnsafeActionsInTransaction {
}
