package io.github.connectparticipant.camel;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.connectparticipant.simulator.Fault;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection token is a secret: masked in endpoint URIs (also over JMX), absent from exception messages, and
 * never logged, even with every logger, HttpClient's header and wire logs included, at TRACE.
 */
class SecretsTest extends SimulatorTestSupport {

    private static final String OTHER_TOKEN = "WrongButStillSecret-9f8e7d6c5b4a";

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext camelContext = super.createCamelContext();
        camelContext.setMessageHistory(true);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes("direct:option", COMPLETE,
                "direct:header", "connectparticipant:completeAttachmentUpload?maxAttempts=2");
    }

    @Test
    void tokenIsMaskedInEndpointUris() throws Exception {
        boolean found = false;
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof ConnectParticipantEndpoint) {
                found = true;
                assertFalse(endpoint.toString().contains(CONNECTION_TOKEN), endpoint::toString);
            }
        }
        assertTrue(found);

        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        boolean seenOverJmx = false;
        for (ObjectName name : names) {
            String uri = String.valueOf(mbeans.getAttribute(name, "EndpointUri"));
            assertFalse(uri.contains(CONNECTION_TOKEN), uri);
            assertFalse(name.toString().contains(CONNECTION_TOKEN), name::toString);
            seenOverJmx |= uri.startsWith("connectparticipant:");
        }
        assertTrue(seenOverJmx, "the endpoint is visible over JMX: " + names);
    }

    @Test
    void participantTokensAndTheConnectionTokensMadeFromThemAreNeverShown() throws Exception {
        String participantToken = "ParticipantSecret-0a1b2c3d4e5f";
        String unknownParticipant = "UnknownParticipantSecret-6a7b8c";
        simulator.acceptParticipantTokens(participantToken);
        // resolved before the capture: Camel core logs the URIs it resolves at TRACE (see the README)
        Endpoint endpointWithToken = context.getEndpoint("connectparticipant:sendMessage?participantToken=RAW("
                + participantToken + ")");
        context.getEndpoint("connectparticipant:sendMessage");
        String log;
        StringBuilder exceptions = new StringBuilder();
        try (CapturedLog captured = CapturedLog.atTrace()) {
            Exchange sent = template.send(endpointWithToken, e -> e.getMessage().setBody("hello"));
            assertEquals(null, sent.getException());
            Exchange denied = template.send("connectparticipant:sendMessage", e -> {
                e.getMessage().setBody("hello");
                e.getMessage().setHeader(ConnectParticipantConstants.PARTICIPANT_TOKEN, unknownParticipant);
            });
            exceptions.append(describe(denied.getException()));
            log = captured.text();
        }
        assertEquals(1, simulator.connectionsCreated());
        assertTrue(exceptions.toString().contains("AccessDeniedException"), exceptions::toString);
        // the simulator's connection tokens all start so
        for (String secret : new String[]{participantToken, unknownParticipant, "sim-connection-"}) {
            assertFalse(log.contains(secret), "a token was logged:\n" + excerpt(log, secret));
            assertFalse(exceptions.toString().contains(secret), exceptions::toString);
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(participantToken), endpoint::toString);
        }
    }

    @Test
    void tokenIsNeverLoggedNorInExceptions() throws Exception {
        String log;
        StringBuilder exceptions = new StringBuilder();
        try (CapturedLog captured = CapturedLog.atTrace()) {
            template.sendBody("direct:option", "ok-1");

            simulator.faults().scriptFor("retried-1", Fault.throttle(), Fault.dropConnection());
            template.sendBody("direct:option", "retried-1");

            Exchange denied = template.send("direct:header", e -> {
                e.getMessage().setBody("denied-1");
                e.getMessage().setHeader(ConnectParticipantConstants.CONNECTION_TOKEN, OTHER_TOKEN);
            });
            exceptions.append(describe(denied.getException()));

            simulator.faults().scriptFor("down-1", Fault.internalError(), Fault.internalError());
            Exchange down = template.send("direct:header", e -> {
                e.getMessage().setBody("down-1");
                e.getMessage().setHeader(ConnectParticipantConstants.CONNECTION_TOKEN, CONNECTION_TOKEN);
            });
            exceptions.append(describe(down.getException()));

            // malformed JSON that holds the token: the parser's message would quote it
            Exchange malformed = template.send("direct:header", e -> e.getMessage()
                    .setBody("{\"ConnectionToken\":" + CONNECTION_TOKEN + ",\"AttachmentIds\":[\"m-1\"]}"));
            exceptions.append(describe(malformed.getException()));
            Exchange tooLong = template.send("direct:header", e -> {
                e.getMessage().setBody("long-1");
                e.getMessage().setHeader(ConnectParticipantConstants.CONNECTION_TOKEN, CONNECTION_TOKEN.repeat(30));
            });
            exceptions.append(describe(tooLong.getException()));
            log = captured.text();
        }

        assertTrue(simulator.ledger().isCompleted("ok-1") && simulator.ledger().isCompleted("retried-1"));
        assertTrue(log.contains("org.apache.hc.client5"), "HttpClient logged at TRACE during the test");
        assertTrue(log.contains("io.github.connectparticipant"), "the component logged at TRACE during the test");
        for (String secret : new String[]{CONNECTION_TOKEN, OTHER_TOKEN}) {
            assertFalse(log.contains(secret), "a connection token was logged:\n" + excerpt(log, secret));
            assertFalse(exceptions.toString().contains(secret), exceptions::toString);
        }
    }

    @Test
    void tracerWithLogMaskHidesTheTokenInHeadersAndBodies() throws Exception {
        org.apache.camel.CamelContext traced = new org.apache.camel.impl.DefaultCamelContext();
        // Camel's own switch is all it takes: the component extends the mask to the token's names and the tracer
        traced.setLogMask(true);
        traced.setTracing(true);
        traced.setMessageHistory(true);
        ConnectParticipantComponent component = new ConnectParticipantComponent();
        component.getConfiguration().setUriEndpointOverride(simulator.baseUrl());
        traced.addComponent("connectparticipant", component);
        traced.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:traced").to("connectparticipant:completeAttachmentUpload")
                        .log("after: ${headers} ${body}");
            }
        });
        String log;
        try (CapturedLog captured = CapturedLog.atTrace()) {
            traced.start();
            org.apache.camel.ProducerTemplate producer = traced.createProducerTemplate();
            producer.send("direct:traced", e -> {
                e.getMessage().setBody("tr-1");
                e.getMessage().setHeader(ConnectParticipantConstants.CONNECTION_TOKEN, CONNECTION_TOKEN);
            });
            producer.send("direct:traced", e -> e.getMessage()
                    .setBody("{\"AttachmentIds\":[\"tr-2\"],\"ConnectionToken\":\"" + CONNECTION_TOKEN + "\"}"));
            producer.send("direct:traced", e -> e.getMessage()
                    .setBody("{\"connectionToken\": \"" + OTHER_TOKEN + "\", \"attachmentIds\": [\"tr-3\"]}"));
            log = captured.text();
        } finally {
            traced.stop();
        }
        assertTrue(simulator.ledger().isCompleted("tr-1") && simulator.ledger().isCompleted("tr-2"));
        assertTrue(log.contains("CamelConnectParticipantConnectionToken"), "the tracer printed the header, masked");
        for (String secret : new String[]{CONNECTION_TOKEN, OTHER_TOKEN}) {
            assertFalse(log.contains(secret), "a connection token was logged:\n" + excerpt(log, secret));
        }
    }

    private static String describe(Exception exception) {
        assertNotNull(exception);
        java.io.StringWriter text = new java.io.StringWriter();
        exception.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static String excerpt(String log, String secret) {
        int at = log.indexOf(secret);
        return log.substring(Math.max(0, at - 300), Math.min(log.length(), at + 100));
    }
}
