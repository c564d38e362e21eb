package io.github.connectparticipant.examples.springboot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * Spring Boot's tests leave the metrics export (Prometheus) out unless asked: Spring Boot 3's way of asking. The
 * Spring Boot 4 build (profile spring-boot-4) has its own copy of this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@interface ExportedMetrics {
}
