package io.github.connectparticipant.camel;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationTest extends SimulatorTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("participant.token", CONNECTION_TOKEN);
        return properties;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:placeholder")
                        .to("connectparticipant:completeAttachmentUpload?connectionToken=RAW({{participant.token}})");
            }
        };
    }

    private void assertCompletes(String endpoint, String attachmentId) {
        Exchange exchange = template.send(endpoint, e -> e.getMessage().setBody(attachmentId));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertTrue(simulator.ledger().isCompleted(attachmentId));
    }

    @Test
    void tokenFromAPropertyPlaceholder() {
        assertCompletes("direct:placeholder", "ph-1");
    }

    @Test
    void componentLevelOptionsBindThroughTheGeneratedConfigurer() {
        ConnectParticipantComponent component = context.getComponent("connectparticipant",
                ConnectParticipantComponent.class);
        // what camel-main does with camel.component.connectparticipant.* properties
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("connectparticipant-component", context);
        assertTrue(PropertyBindingSupport.build().withConfigurer(configurer).withReflection(false).bind(context,
                component, new java.util.HashMap<>(Map.of("connectionToken", CONNECTION_TOKEN, "maxAttempts", "5",
                        "retryMaxDelay", "2s"))));
        assertEquals(5, component.getConfiguration().getMaxAttempts());
        assertEquals(2000, component.getConfiguration().getRetryMaxDelay());

        ConnectParticipantEndpoint endpoint = context.getEndpoint(
                "connectparticipant:completeAttachmentUpload?maxAttempts=2", ConnectParticipantEndpoint.class);
        assertEquals(2, endpoint.getConfiguration().getMaxAttempts(), "URI options win over the component's");
        assertEquals(5, component.getConfiguration().getMaxAttempts(), "and do not change the component's");
        assertEquals(CONNECTION_TOKEN, endpoint.getConfiguration().getConnectionToken());

        Exchange exchange = template.send(endpoint, e -> e.getMessage().setBody("cl-1"));
        assertNull(exchange.getException());
        assertTrue(simulator.ledger().isCompleted("cl-1"));
    }

    @Test
    void generatedConfigurersAndUriFactoryAreOnTheClasspath() throws Exception {
        assertNotNull(PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("connectparticipant-endpoint", context));
        assertNotNull(PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("connectparticipant-component", context));
        assertNotNull(context.getCamelContextExtension().getEndpointUriFactory("connectparticipant"));
        String json = ((org.apache.camel.CatalogCamelContext) context)
                .getComponentParameterJsonSchema("connectparticipant");
        assertTrue(json.contains("\"connectionToken\"") && json.contains("\"secret\": true"), json);
    }

    @Test
    void regionMakesTheServiceUrl() {
        ConnectParticipantConfiguration configuration = new ConnectParticipantConfiguration();
        assertEquals("https://participant.connect.us-east-1.amazonaws.com", configuration.serviceBaseUrl());
        configuration.setRegion("eu-central-1");
        assertEquals("https://participant.connect.eu-central-1.amazonaws.com", configuration.serviceBaseUrl());
        configuration.setUriEndpointOverride("http://127.0.0.1:8089/");
        assertEquals("http://127.0.0.1:8089", configuration.serviceBaseUrl(), "uriEndpointOverride alone is enough");
    }

    @Test
    void refusesBadEndpoints() {
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(
                "connectparticipant:completeAttachmentUpload?overrideEndpoint=true&uriEndpointOverride="));
        ConnectParticipantComponent component = new ConnectParticipantComponent();
        context.addComponent("bare", component);
        assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("bare:completeAttachmentUpload?overrideEndpoint=true"));
        assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("connectparticipant:deleteEverything"));
        assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("connectparticipant:completeAttachmentUpload?maxAttempts=0"));
        assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("connectparticipant:completeAttachmentUpload?proxyHost=localhost"));
        assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("connectparticipant:completeAttachmentUpload?noSuchOption=1"));
    }

    @Test
    void refusesARegionOrEndpointOverrideThatWouldSendTheCallsElsewhere() {
        // this test's component points at the simulator; the region matters only without an override
        context.addComponent("plain", new ConnectParticipantComponent());
        for (String bad : new String[]{"region=evil.example.com/x%23", "region=us-east-1.evil", "region=US-EAST-1",
                "region=-east", "uriEndpointOverride=file:/etc/passwd", "uriEndpointOverride=ftp://host/x",
                "uriEndpointOverride=http://", "uriEndpointOverride=participant.invalid",
                "uriEndpointOverride=http://user@host:80", "uriEndpointOverride=http://host/?x=1"}) {
            Exception failure = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("plain:completeAttachmentUpload?" + bad), bad);
            String option = bad.substring(0, bad.indexOf('='));
            assertTrue(String.valueOf(failure.getCause()).contains(option), () -> bad + ": " + failure.getCause());
        }
        for (String good : new String[]{"region=us-gov-west-1", "region=eu-central-1",
                "uriEndpointOverride=https://participant.connect-fips.us-east-1.amazonaws.com",
                "uriEndpointOverride=http://[::1]:8089/"}) {
            assertNotNull(context.getEndpoint("plain:completeAttachmentUpload?" + good), good);
        }
    }

    @Test
    void refusesANegativeRateLimitOrWaitNamingTheOption() {
        for (String option : new String[]{"rateLimit=-1", "maxWaitForCapacity=-5"}) {
            Exception failure = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("connectparticipant:completeAttachmentUpload?" + option));
            String name = option.substring(0, option.indexOf('='));
            assertTrue(String.valueOf(failure.getCause()).contains(name), () -> String.valueOf(failure.getCause()));
        }
        ConnectParticipantEndpoint endpoint = context.getEndpoint("connectparticipant:completeAttachmentUpload"
                + "?rateLimit=2.5&maxWaitForCapacity=2m&adaptiveRateLimit=false",
                ConnectParticipantEndpoint.class);
        assertEquals(2.5, endpoint.getConfiguration().getRateLimit());
        assertEquals(120_000, endpoint.getConfiguration().getMaxWaitForCapacity());
        assertFalse(endpoint.getConfiguration().isAdaptiveRateLimit());
    }

    @Test
    void onlyTheChatConsumes() {
        Exception failure = assertThrows(FailedToStartRouteException.class,
                () -> context.addRoutes(new RouteBuilder() {

                    @Override
                    public void configure() {
                        from("connectparticipant:completeAttachmentUpload").to("log:x");
                    }
                }));
        assertTrue(failure.getMessage().contains("Only connectparticipant:chat and chats consume (from);"
                + " completeAttachmentUpload is a producer operation (to)"), failure::getMessage);
    }

    @Test
    void reachesTheServiceThroughAnHttpProxy() throws Exception {
        // the simulator stands in for the proxy: a plain-HTTP proxy receives the absolute URL and answers for it
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:proxied").to(COMPLETE + "&uriEndpointOverride=http://participant.invalid"
                        + "&proxyHost=127.0.0.1&proxyPort=" + simulator.port());
            }
        });
        assertCompletes("direct:proxied", "px-1");
    }

    @Test
    void aSuppliedHttpClientIsUsedAndNotClosed() throws Exception {
        try (CloseableHttpClient own = HttpClients.custom().disableAutomaticRetries().build()) {
            context.getRegistry().bind("ownClient", own);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:own").routeId("own").to(COMPLETE + "&httpClient=#ownClient");
                }
            });
            assertCompletes("direct:own", "own-1");
            context.getRouteController().stopRoute("own");
            context.removeRoute("own");
            for (org.apache.camel.Endpoint endpoint : context.getEndpoints()) {
                if (endpoint.getEndpointUri().contains("httpClient")) {
                    context.removeEndpoint(endpoint);
                }
            }
            // still usable after the endpoint stopped
            own.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(simulator.baseUrl() + "/"),
                    response -> response.getCode());
        }
    }
}
