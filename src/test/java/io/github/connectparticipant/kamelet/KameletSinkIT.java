package io.github.connectparticipant.kamelet;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.github.connectparticipant.camel.ConnectParticipantException;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connectparticipant-sink Kamelet as camel-kamelet finds it: at kamelets/ on the classpath. Run by failsafe,
 * which puts the packaged jar on the classpath, so this proves the jar ships a working Kamelet.
 */
class KameletSinkIT extends CamelTestSupport {

    static final String TOKEN = "kamelet-token";
    static final String PARTICIPANT_TOKEN = "kamelet-participant-token";
    static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN).refuseAttachmentIds("k-bad")
                .acceptParticipantTokens(PARTICIPANT_TOKEN);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String options = "?connectionToken=RAW(" + TOKEN + ")&uriEndpointOverride=" + simulator.baseUrl()
                + "&maxAttempts=2";
        return new RouteBuilder() {

            @Override
            public void configure() {
                // each caller gets its own Kamelet route (the part after the slash), which takes its error handler
                from("direct:send").to("kamelet:connectparticipant-sink/plain" + options);
                from("direct:sendFile").to("kamelet:connectparticipant-sink/files" + options
                        + "&operation=sendAttachment");
                from("direct:chat").to("kamelet:connectparticipant-sink/chat?participantToken=RAW(" + PARTICIPANT_TOKEN
                        + ")&uriEndpointOverride=" + simulator.baseUrl() + "&operation=sendMessage");
                from("direct:withDeadLetters").errorHandler(deadLetterChannel("mock:dead"))
                        .to("kamelet:connectparticipant-sink/deadLetters" + options).to("mock:done");
            }
        };
    }

    @Test
    void theKameletComesFromTheJar() {
        URL kamelet = getClass().getClassLoader().getResource("kamelets/connectparticipant-sink.kamelet.yaml");
        String where = String.valueOf(kamelet);
        assertTrue(where.startsWith("jar:") || !Boolean.getBoolean("kamelet.fromJar"), where);
        assertTrue(where.contains("camel-connectparticipant"), where);
    }

    @Test
    void deliversTheBody() {
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody("k-1"));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertTrue(simulator.ledger().isCompleted("k-1"));
        assertEquals(1, simulator.ledger().callsFor("k-1").size());
    }

    @Test
    void sendsAFileAsAnAttachment() {
        Exchange exchange = template.send("direct:sendFile", e -> {
            e.getMessage().setBody("receipt".getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader("CamelConnectParticipantAttachmentName", "receipt.txt");
        });
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        String attachmentId = exchange.getMessage().getHeader("CamelConnectParticipantAttachmentId", String.class);
        assertTrue(simulator.ledger().isCompleted(attachmentId));
    }

    @Test
    void sendsAChatMessageWithAParticipantTokenAlone() {
        Exchange exchange = template.send("direct:chat", e -> e.getMessage().setBody("Your order has shipped"));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals("Your order has shipped", simulator.transcript().get(0).get("Content"));
        assertEquals(1, simulator.connectionsCreated());
    }

    @Test
    void aServiceErrorReachesTheCallingRoutesErrorHandler() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedBodiesReceived("k-bad");
        getMockEndpoint("mock:done").expectedMessageCount(0);

        template.sendBody("direct:withDeadLetters", "k-bad");

        MockEndpoint.assertIsSatisfied(context);
        ConnectParticipantException failure = assertInstanceOf(ConnectParticipantException.class,
                dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals("ValidationException", failure.getErrorCode());
        assertEquals(400, failure.getStatusCode());
    }
}
