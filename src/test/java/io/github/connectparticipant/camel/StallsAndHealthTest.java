package io.github.connectparticipant.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stalled service never hangs a route, and the producer health check tells whether the service answers.
 */
class StallsAndHealthTest extends SimulatorTestSupport {

    private static final long RESPONSE_TIMEOUT = 200;
    private static final long RETRY_MAX_DELAY = 100;
    /** A service that is not there: its port refuses every connection. */
    private static final ClosedPort NOWHERE = ClosedPort.reserve();

    @AfterAll
    static void freeThePort() throws Exception {
        NOWHERE.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        ProducerHealth.enable(camelContext);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes(
                "direct:stalled",
                COMPLETE + "&responseTimeout=" + RESPONSE_TIMEOUT + "&retryMaxDelay=" + RETRY_MAX_DELAY,
                "direct:nowhere",
                COMPLETE + "&uriEndpointOverride=" + NOWHERE.url() + "&connectTimeout=500&maxAttempts=1",
                // attempts enough for the retry budget, not the attempts, to decide
                "direct:holding", COMPLETE + "&maxAttempts=20");
    }

    @Test
    void aStalledServiceFailsTheMessageWithinItsAttemptsAndBackoff() {
        Fault stall = Fault.slow(Duration.ofSeconds(10));
        simulator.faults().scriptFor("stalled-1", stall, stall, stall);

        long start = System.nanoTime();
        Exchange exchange = template.send("direct:stalled", e -> e.getMessage().setBody("stalled-1"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        ConnectParticipantException failure = failureOf(exchange);
        assertEquals("SocketTimeoutException", failure.getErrorCode());
        assertEquals(3, failure.getAttempts());
        assertTrue(failure.isRetryable());
        // 3 attempts of at most 200 ms, 2 waits of at most 100 ms: 800 ms, and room for a slow machine
        long bound = 3 * RESPONSE_TIMEOUT + 2 * RETRY_MAX_DELAY;
        assertTrue(elapsedMillis < bound + 2000, "took " + elapsedMillis + " ms; the bound is " + bound + " ms");
    }

    private HealthCheck.Result producerCheck(String uriPart) {
        return ProducerHealth.settled(context, uriPart);
    }

    @Test
    void anOutageHoldsTheMessagesProbesSlowlyAndTheHealthCheckIsDownUntilTheServiceAnswers() throws Exception {
        simulator.outage(Duration.ofMinutes(5));
        List<java.util.concurrent.CompletableFuture<Exchange>> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "held-" + i;
            held.add(template.asyncSend("direct:holding", e -> e.getMessage().setBody(id)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProducerHealth.of(context, simulator.baseUrl()).getState() != HealthCheck.State.DOWN
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        HealthCheck.Result down = producerCheck(simulator.baseUrl());
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElse("").contains("failed every call"), () -> down.getMessage().orElse(""));
        int callsAtOutage = simulator.ledger().callCount();
        Thread.sleep(3000);
        int probes = simulator.ledger().callCount() - callsAtOutage;
        assertTrue(probes <= 4,
                "one probe a second while the service is down, not every message's attempts: " + probes);
        assertTrue(held.stream().noneMatch(java.util.concurrent.CompletableFuture::isDone), "the messages are held");

        simulator.reset();
        for (java.util.concurrent.CompletableFuture<Exchange> message : held) {
            Exchange done = message.get(10, TimeUnit.SECONDS);
            assertEquals(null, done.getException(), () -> String.valueOf(done.getException()));
        }
        assertEquals(HealthCheck.State.UP, producerCheck(simulator.baseUrl()).getState());
        for (int i = 0; i < 4; i++) {
            assertTrue(simulator.ledger().isCompleted("held-" + i));
        }
    }

    @Test
    void healthCheckIsUpWhenTheServiceAnswersAndDownWhenItDoesNot() {
        assertEquals(HealthCheck.State.UP, producerCheck(simulator.baseUrl()).getState());
        String nowhere = "127.0.0.1:" + NOWHERE.port();
        assertEquals(HealthCheck.State.DOWN, producerCheck(nowhere).getState());
        assertTrue(producerCheck(nowhere).getMessage().orElse("").contains("does not answer"));
        assertEquals(0, simulator.ledger().callCount(), "the probe is not a call of any operation");
    }
}
