package io.github.connectparticipant.camel.springboot;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.connectparticipant.*} from the Spring Boot environment (application.properties or
 * application.yaml, kebab or camel case, environment variables, system properties) to the connectparticipant
 * component, so that every endpoint starts from them. {@code camel.component.connectparticipant.enabled=false} (or
 * {@code camel.component.enabled=false}) turns it off, as for camel-spring-boot's own starters; an option the component
 * does not have fails the start-up.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
public class ConnectParticipantComponentAutoConfiguration {

    /**
     * Kept apart from the outer class, whose only condition is that camel-spring-boot is there: these conditions are
     * camel-spring-boot's own classes, which Spring loads when it evaluates them.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
    @ConditionalOnHierarchicalProperties({"camel.component", SpringBootComponentOptions.PREFIX})
    static class ComponentOptionsConfiguration {

        @Bean
        ComponentCustomizer connectParticipantComponentCustomizer(Environment environment) {
            SpringBootComponentOptions options = new SpringBootComponentOptions(environment);
            return new ComponentCustomizer() {

                @Override
                public boolean isEnabled(String name, Component target) {
                    return target instanceof ConnectParticipantComponent
                            && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                                    SpringBootComponentOptions.PREFIX + ".customizer");
                }

                @Override
                public void configure(String name, Component target) {
                    options.applyTo((ConnectParticipantComponent) target);
                }
            };
        }
    }
}
