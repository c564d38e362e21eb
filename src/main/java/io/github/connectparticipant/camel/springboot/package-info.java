/**
 * Spring Boot auto-configuration: the {@code camel.component.connectparticipant.*} properties of a Spring Boot
 * application reach the component, as camel-spring-boot's own starters do it. Loaded only by Spring Boot (through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}) and only when
 * camel-spring-boot is on the class path; Spring Boot and camel-spring-boot are optional dependencies of the component.
 */
package io.github.connectparticipant.camel.springboot;
