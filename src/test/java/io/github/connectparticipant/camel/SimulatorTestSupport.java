package io.github.connectparticipant.camel;

import java.io.IOException;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Runs a real simulator on loopback for a test class, and points the component at it with short backoff delays.
 */
abstract class SimulatorTestSupport extends CamelTestSupport {

    static final String CONNECTION_TOKEN = "AQIDAHhConnTok3n-s3cr3t-value-0123456789";
    /** The endpoint with the simulator's token as its option. */
    static final String COMPLETE = "connectparticipant:completeAttachmentUpload?connectionToken=RAW(" + CONNECTION_TOKEN
            + ")";

    static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(CONNECTION_TOKEN);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        ConnectParticipantComponent component = new ConnectParticipantComponent();
        component.getConfiguration().setUriEndpointOverride(simulator.baseUrl());
        component.getConfiguration().setRetryBaseDelay(5);
        component.getConfiguration().setRetryMaxDelay(50);
        component.getConfiguration().setResponseTimeout(2000);
        camelContext.addComponent("connectparticipant", component);
        return camelContext;
    }

    /** Routes from each direct endpoint to its URI, given as pairs. */
    static RouteBuilder directRoutes(String... fromAndTo) {
        return new RouteBuilder() {

            @Override
            public void configure() {
                for (int i = 0; i < fromAndTo.length; i += 2) {
                    from(fromAndTo[i]).to(fromAndTo[i + 1]);
                }
            }
        };
    }

    /** The exception the exchange failed with, as the route's error handler sees it. */
    static ConnectParticipantException failureOf(Exchange exchange) {
        Exception exception = exchange.getException();
        assertNotNull(exception, "the exchange should have failed");
        return assertInstanceOf(ConnectParticipantException.class, exception);
    }

    static String expectedBody(String attachmentId, String clientToken) {
        return "{\"AttachmentIds\":[\"" + attachmentId + "\"],\"ClientToken\":\"" + clientToken + "\"}";
    }
}
