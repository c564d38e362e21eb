package io.github.connectparticipant.examples.springboot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;

/**
 * Spring Boot's tests leave the metrics export (Prometheus) out unless asked: Spring Boot 4's way of asking. The
 * default build (Spring Boot 3) has its own copy of this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMetrics
@interface ExportedMetrics {
}
