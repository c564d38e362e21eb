package io.github.connectparticipant.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectparticipant.camel.CapturedLogAccess;
import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel.component.connectparticipant.* in a Spring Boot application reaches every endpoint (kebab or camel case,
 * environment variables, beans by reference), the token among them; enabled=false and customizer.enabled=false turn
 * it off; a property the component has no option for, or a value it cannot take, fails with the property's name and
 * never the value; without camel-spring-boot nothing loads; the IDE metadata lists every option.
 */
class SpringBootAutoConfigurationTest {

    private static final String TOKEN = "AQIDAHhSpringBootTok3n-s3cr3t-0123456789";
    private static final String PREFIX = "camel.component.connectparticipant.";

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    ConnectParticipantComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=spring-boot-options");

    private static ConnectParticipantConfiguration endpointConfiguration(CamelContext camel) {
        return camel.getEndpoint("connectparticipant:completeAttachmentUpload", ConnectParticipantEndpoint.class)
                .getConfiguration();
    }

    @Test
    void propertiesInKebabOrCamelCaseReachEveryEndpointAndTheTokenIsUsed() throws Exception {
        AutoCloseable log = CapturedLogAccess.atTrace();
        try (log; ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)) {
            configuredApplicationSendsAMessage(simulator.acceptConnectionTokens(TOKEN));
        }
        String logged = CapturedLogAccess.text(log);
        assertTrue(logged.contains("org.springframework") && logged.contains("org.apache.camel"),
                "Spring and Camel logged at TRACE");
        assertFalse(logged.contains(TOKEN), "the token in a log line at TRACE");
    }

    private void configuredApplicationSendsAMessage(ParticipantServiceSimulator simulator) {
        application.withPropertyValues(
                PREFIX + "region=eu-west-1",
                PREFIX + "max-attempts=7",
                PREFIX + "maxWaitForCapacity=90s",
                PREFIX + "uri-endpoint-override=" + simulator.baseUrl(),
                PREFIX + "connection-token=" + TOKEN)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(
                        new SystemEnvironmentPropertySource(
                                // Spring maps the variables' names only for a source named so
                                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CAMEL_COMPONENT_CONNECTPARTICIPANT_RESPONSETIMEOUT", "5s"))))
                .run(context -> {
                    assertNotNull(context.getBean(ComponentCustomizer.class));
                    CamelContext camel = context.getBean(CamelContext.class);
                    ConnectParticipantConfiguration configuration = endpointConfiguration(camel);
                    assertEquals("eu-west-1", configuration.getRegion());
                    assertEquals(7, configuration.getMaxAttempts());
                    assertEquals(90_000, configuration.getMaxWaitForCapacity());
                    assertEquals(5_000, configuration.getResponseTimeout(), "from an environment variable");
                    assertEquals(simulator.baseUrl(), configuration.getUriEndpointOverride());

                    camel.createProducerTemplate().sendBody("connectparticipant:completeAttachmentUpload",
                            "spring-boot-1");
                    assertTrue(simulator.ledger().isCompleted("spring-boot-1"), "the call went with the token");
                });
    }

    @Test
    void enabledFalseLeavesTheComponentToItsDefaults() {
        application.withPropertyValues(PREFIX + "enabled=false", PREFIX + "region=eu-west-1", PREFIX + "max-attempts=7")
                .run(context -> {
                    assertTrue(context.getBeansOfType(ComponentCustomizer.class).isEmpty());
                    ConnectParticipantConfiguration configuration = endpointConfiguration(
                            context.getBean(CamelContext.class));
                    assertEquals("us-east-1", configuration.getRegion());
                    assertEquals(3, configuration.getMaxAttempts());
                });
        application.withPropertyValues("camel.component.enabled=false", PREFIX + "max-attempts=7")
                .run(context -> assertTrue(context.getBeansOfType(ComponentCustomizer.class).isEmpty()));
    }

    @Test
    void customizerEnabledFalseAppliesNothing() {
        application.withPropertyValues(PREFIX + "customizer.enabled=false", PREFIX + "max-attempts=7")
                .run(context -> assertEquals(3,
                        endpointConfiguration(context.getBean(CamelContext.class)).getMaxAttempts()));
    }

    @Test
    void aYamlListIsOneCommaSeparatedOption() {
        application.withPropertyValues(PREFIX + "allowed-file-types[0]=pdf", PREFIX + "allowed-file-types[1]=png")
                .run(context -> assertEquals("pdf,png",
                        endpointConfiguration(context.getBean(CamelContext.class)).getAllowedFileTypes()));
    }

    @Test
    void aBeanIsGivenByReference() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        application.withBean("chatMeters", SimpleMeterRegistry.class, () -> meters)
                .withPropertyValues(PREFIX + "meter-registry=#bean:chatMeters")
                .run(context -> assertSame(meters,
                        endpointConfiguration(context.getBean(CamelContext.class)).getMeterRegistry()));
    }

    @Test
    void anUnknownPropertyOrABadValueFailsWithTheNameAndNeverTheValue() {
        application.withPropertyValues(PREFIX + "max-atempts=7", PREFIX + "connection-token=" + TOKEN)
                .run(context -> {
                    Exception failure = assertThrows(Exception.class,
                            () -> endpointConfiguration(context.getBean(CamelContext.class)));
                    String messages = messagesOf(failure);
                    assertTrue(messages.contains(PREFIX + "max-atempts"), messages);
                    assertTrue(messages.contains("max-attempts"), "the options are listed: " + messages);
                    assertFalse(messages.contains(TOKEN), messages);
                });
        application.withPropertyValues(PREFIX + "max-attempts=" + TOKEN).run(context -> {
            Exception failure = assertThrows(Exception.class,
                    () -> endpointConfiguration(context.getBean(CamelContext.class)));
            String messages = messagesOf(failure);
            assertTrue(messages.contains(PREFIX + "max-attempts"), messages);
            assertFalse(messages.contains(TOKEN), "no value in the error: " + messages);
        });
    }

    @Test
    void withoutCamelSpringBootNothingLoads() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConnectParticipantComponentAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("org.apache.camel.spring.boot"))
                .withPropertyValues(PREFIX + "region=eu-west-1")
                .run(context -> {
                    assertFalse(context.getStartupFailure() != null, "the application starts");
                    assertTrue(context.getBeansOfType(ComponentCustomizer.class).isEmpty());
                });
    }

    @Test
    void theIdeMetadataDescribesEveryOptionAndEachOfItsNamesBinds() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode camelMetadata = read(mapper, "META-INF/io/github/connectparticipant/camel/connectparticipant.json");
        JsonNode springMetadata = read(mapper, "META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> properties = new java.util.HashMap<>();
        springMetadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));

        assertTrue(properties.containsKey(PREFIX + "enabled"));
        Set<String> described = new HashSet<>();
        camelMetadata.get("componentProperties").fields().forEachRemaining(option -> {
            String name = PREFIX + org.apache.camel.util.StringHelper.camelCaseToDash(option.getKey());
            JsonNode property = properties.get(name);
            assertNotNull(property, "no metadata for " + name);
            assertFalse(property.get("description").asText().isBlank(), name);
            JsonNode camelDefault = option.getValue().get("defaultValue");
            if (camelDefault != null && !"java.lang.Boolean".equals(option.getValue().get("javaType").asText())) {
                assertEquals(camelDefault.asText(), property.get("defaultValue").asText(), name);
            }
            described.add(name);
        });
        assertEquals(properties.size(), described.size() + 2, "only the options, enabled and customizer.enabled");

        // every name the IDE offers is one the auto-configuration takes (simple values, set to their defaults)
        String[] defaults = properties.values().stream()
                .filter(property -> property.has("defaultValue") && property.get("name").asText().startsWith(PREFIX))
                .map(property -> property.get("name").asText() + "=" + property.get("defaultValue").asText())
                .toArray(String[]::new);
        application.withPropertyValues(defaults).run(context -> assertEquals("us-east-1",
                endpointConfiguration(context.getBean(CamelContext.class)).getRegion()));
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
        try (InputStream in = SpringBootAutoConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the class path");
            return mapper.readTree(in);
        }
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
