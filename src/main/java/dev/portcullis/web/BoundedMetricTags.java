package dev.portcullis.web;

import dev.portcullis.security.core.HttpMethods;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Metric series named by what a client sends stay bounded: the HTTP server metrics tag every request with its
 * method, so an invented method name would start a series of its own. Such names become {@value HttpMethods#OTHER}
 * (request paths are bounded by Quarkus's own {@code max-uri-tags}).
 */
public class BoundedMetricTags {

    @Produces
    @Singleton
    MeterFilter boundedMethodTags() {
        return MeterFilter.replaceTagValues("method", HttpMethods::key);
    }
}
