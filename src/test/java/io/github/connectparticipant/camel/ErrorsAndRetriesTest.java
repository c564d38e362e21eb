package io.github.connectparticipant.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.connectparticipant.camel.client.LearnedRateTuning;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorsAndRetriesTest extends SimulatorTestSupport {

    private static final String TO = COMPLETE;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:complete").to(TO);
                from("direct:once").to(TO + "&maxAttempts=1&adaptiveRateLimit=false");
                from("direct:fixed").to(TO + "&adaptiveRateLimit=false");
                from("direct:learning").to(TO + "&maxAttempts=1");
                from("direct:impatient").to(TO + "&maxWaitForCapacity=0");
                from("direct:capped").to(TO + "&rateLimit=10");
                // the shipped routes' policy (retryable failures redelivered twice, 1 s doubling, then the dead
                // letters) and the component's default backoff
                from("direct:lone").errorHandler(deadLetterChannel("mock:loneDead").maximumRedeliveries(2)
                        .redeliveryDelay(1000).useExponentialBackOff())
                        .to(TO + "&retryBaseDelay=100&retryMaxDelay=20000").to("mock:loneDone");
                from("direct:patient").to(TO + "&retryMaxDelay=5000");
                from("direct:quick").to(TO + "&responseTimeout=300");
                from("direct:redelivered").errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0))
                        .to(TO + "&maxAttempts=1");
                from("direct:dlc").errorHandler(deadLetterChannel("mock:dead").useOriginalMessage())
                        .to(TO).to("mock:done");
            }
        };
    }

    private ConnectParticipantException failureFor(String endpoint, String attachmentId) {
        return failureOf(template.send(endpoint, e -> e.getMessage().setBody(attachmentId)));
    }

    private void assertFailure(ConnectParticipantException failure, String errorCode, int status, boolean retryable,
            int attempts) {
        assertEquals(errorCode, failure.getErrorCode(), failure::getMessage);
        assertEquals(status, failure.getStatusCode());
        assertEquals(retryable, failure.isRetryable());
        assertEquals(attempts, failure.getAttempts());
    }

    @Test
    void permanentErrorsAreNotRetried() {
        simulator.refuseAttachmentIds("refused-1");
        ConnectParticipantException validation = failureFor("direct:complete", "refused-1");
        assertFailure(validation, "ValidationException", 400, false, 1);
        assertEquals("refused-1", validation.getAttachmentId());
        assertTrue(validation.getRequestId() != null && !validation.getRequestId().isEmpty());

        simulator.faults().scriptFor("quota-1", Fault.error(402, "ServiceQuotaExceededException", "Too many"));
        assertFailure(failureFor("direct:complete", "quota-1"), "ServiceQuotaExceededException", 402, false, 1);

        simulator.faults().scriptFor("conflict-1", Fault.error(409, "ConflictException", "Being uploaded"));
        assertFailure(failureFor("direct:complete", "conflict-1"), "ConflictException", 409, false, 1);

        ConnectParticipantException denied = failureOf(template.send("direct:complete", e -> {
            e.getMessage().setBody("denied-1");
            e.getMessage().setHeader(ConnectParticipantConstants.CONNECTION_TOKEN, "expired-token");
        }));
        assertFailure(denied, "AccessDeniedException", 403, false, 1);

        for (String id : List.of("refused-1", "quota-1", "conflict-1", "denied-1")) {
            assertEquals(1, simulator.ledger().callsFor(id).size(), id);
        }
    }

    @Test
    void transientErrorsAreRetriedWithTheSameTokenUntilAttemptsRunOut() {
        // without the learned rate, a throttle is a transient error like any other
        simulator.faults().scriptFor("busy-1", Fault.throttle(), Fault.throttle(), Fault.throttle());
        assertFailure(failureFor("direct:fixed", "busy-1"), "ThrottlingException", 429, true, 3);

        simulator.faults().scriptFor("fault-1", Fault.internalError(), Fault.internalError(), Fault.internalError());
        assertFailure(failureFor("direct:complete", "fault-1"), "InternalServerException", 500, true, 3);

        // a service that answers in between is up: six faults in a row would be an outage, which holds messages
        template.sendBody("direct:complete", "between-1");
        simulator.faults().scriptFor("lb-1", Fault.serviceUnavailable(), Fault.serviceUnavailable(),
                Fault.serviceUnavailable());
        assertFailure(failureFor("direct:complete", "lb-1"), "Http503", 503, true, 3);

        for (String id : List.of("busy-1", "fault-1", "lb-1")) {
            assertEquals(3, simulator.ledger().callsFor(id).size(), id);
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id + ": one client token for every attempt");
        }
    }

    @Test
    void transientErrorsThenSuccess() {
        simulator.faults().scriptFor("flaky-1", Fault.throttle(), Fault.internalError(), Fault.serviceUnavailable());
        Exchange failed = template.send("direct:fixed", e -> e.getMessage().setBody("flaky-1"));
        assertEquals(3, failureOf(failed).getAttempts());

        simulator.faults().scriptFor("flaky-2", Fault.throttle(), Fault.serviceUnavailable());
        Exchange exchange = template.send("direct:fixed", e -> e.getMessage().setBody("flaky-2"));
        assertNull(exchange.getException());
        List<Ledger.Call> calls = simulator.ledger().callsFor("flaky-2");
        assertEquals(List.of(429, 503, 200), calls.stream().map(Ledger.Call::status).toList());
        assertEquals(1, simulator.ledger().clientTokensFor("flaky-2").size());
    }

    @Test
    void aThrottleWaitsForItsTurnAtTheLearnedRateAndUsesNoAttempt() {
        // one attempt allowed, and a throttle: the learned rate takes it, and the call goes again when its turn comes
        simulator.faults().scriptFor("learn-1", Fault.throttle());
        Exchange exchange = template.send("direct:learning", e -> e.getMessage().setBody("learn-1"));

        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals(List.of(429, 200),
                simulator.ledger().callsFor("learn-1").stream().map(Ledger.Call::status).toList());
        assertEquals(1, simulator.ledger().clientTokensFor("learn-1").size(), "one client token across the waits");
        CompleteAttachmentUploadResult result = exchange.getMessage().getBody(CompleteAttachmentUploadResult.class);
        assertEquals(2, result.getAttachments().get(0).getAttempts(), "every call on the wire is counted");
    }

    @Test
    void aFixedRateLimitPacesTheCallsFromTheStart() {
        List<String> ids = List.of("cap-1", "cap-2", "cap-3", "cap-4", "cap-5");
        ids.forEach(id -> template.sendBody("direct:capped", id));

        List<Long> arrivals = ids.stream().map(id -> simulator.ledger().callsFor(id).get(0).arrivedNanos()).toList();
        // 10 calls a second: sent 100 ms apart from the first on. The simulator sees each send plus its delivery on
        // loopback, which a loaded machine delays by tens of milliseconds, one call more than the next; so the bound
        // leaves half the pace to delivery: a burst (the calls unpaced) comes a few milliseconds apart
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 50, "call " + i + " came " + gapMillis + " ms after the one before");
        }
        long spanMillis = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
        assertTrue(spanMillis >= (arrivals.size() - 1) * 100 - 50, "5 calls over " + spanMillis + " ms");
    }

    @Test
    void noWaitForCapacityFailsAThrottledCallAtOnce() {
        // a stray throttle teaches nothing: the call goes again at once, no wait, no attempt used
        simulator.faults().scriptFor("now-0", Fault.throttle());
        assertNull(template.send("direct:impatient", e -> e.getMessage().setBody("now-0")).getException());
        // a spent quota (every call throttled) teaches a rate: the next attempt would have to wait for its turn
        Fault[] spent = new Fault[LearnedRateTuning.DEFAULTS.throttlesInARowToLearn()];
        Arrays.fill(spent, Fault.throttle());
        simulator.faults().scriptFor("now-1", spent);
        ConnectParticipantException failure = failureFor("direct:impatient", "now-1");

        assertFailure(failure, "ThrottlingException", 429, true, spent.length);
        assertTrue(failure.getMessage().contains("maxWaitForCapacity"), failure::getMessage);
        assertEquals(spent.length, simulator.ledger().callsFor("now-1").size());
    }

    @Test
    void aLoneMessageThatMeetsAnOutageIsHeldNotDeadLettered() throws Exception {
        // nine attempts (three deliveries of three) would dead-letter it; six faults in a row over 300 ms make an outage
        // first, in its second delivery
        simulator.outage(Duration.ofSeconds(3));
        getMockEndpoint("mock:loneDead").expectedMessageCount(0);
        getMockEndpoint("mock:loneDone").expectedMessageCount(1);
        template.sendBody("direct:lone", "lone-1");
        MockEndpoint.assertIsSatisfied(context);
        assertTrue(simulator.ledger().isCompleted("lone-1"));
        assertTrue(simulator.ledger().callsFor("lone-1").size() <= 6 + 4, "faults, then a probe a second");
    }

    @Test
    void droppedConnectionIsRetriedAndTheRepeatIsAccepted() {
        simulator.faults().scriptFor("drop-1", Fault.dropConnection());
        Exchange exchange = template.send("direct:complete", e -> e.getMessage().setBody("drop-1"));

        assertNull(exchange.getException());
        List<Ledger.Call> calls = simulator.ledger().callsFor("drop-1");
        assertEquals(List.of(0, 200), calls.stream().map(Ledger.Call::status).toList());
        assertEquals(1, simulator.ledger().clientTokensFor("drop-1").size());
    }

    @Test
    void slowAnswerBeyondTheResponseTimeoutIsRetried() throws InterruptedException {
        simulator.faults().scriptFor("slow-1", Fault.slow(Duration.ofMillis(1500)));
        Exchange exchange = template.send("direct:quick", e -> e.getMessage().setBody("slow-1"));

        assertNull(exchange.getException());
        // the slow first attempt is recorded when the simulator answers it, after the retry
        awaitCalls("slow-1", 2);
        assertEquals(1, simulator.ledger().clientTokensFor("slow-1").size());

        simulator.faults().scriptFor("slow-2", Fault.slow(Duration.ofMillis(1500)), Fault.slow(Duration.ofMillis(1500)),
                Fault.slow(Duration.ofMillis(1500)));
        ConnectParticipantException timedOut = failureFor("direct:quick", "slow-2");
        assertEquals(0, timedOut.getStatusCode());
        assertEquals("SocketTimeoutException", timedOut.getErrorCode());
        assertTrue(timedOut.isRetryable());
    }

    private static void awaitCalls(String attachmentId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.ledger().callsFor(attachmentId).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, simulator.ledger().callsFor(attachmentId).size(), attachmentId);
    }

    @Test
    void conflictAfterAnAttemptWithUnknownOutcomeIsRetried() {
        // the first attempt may still be in progress at the service when the second one arrives
        simulator.faults().scriptFor("c-1", Fault.internalError(),
                Fault.error(409, "ConflictException", "in progress"));
        Exchange exchange = template.send("direct:complete", e -> e.getMessage().setBody("c-1"));

        assertNull(exchange.getException());
        assertEquals(List.of(500, 409, 200),
                simulator.ledger().callsFor("c-1").stream().map(Ledger.Call::status).toList());
    }

    @Test
    void retryAfterIsHonouredAsAMinimum() {
        simulator.faults().scriptFor("ra-1", Fault.throttle(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        Exchange exchange = template.send("direct:patient", e -> e.getMessage().setBody("ra-1"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertNull(exchange.getException());
        assertTrue(elapsedMillis >= 950, "waited " + elapsedMillis + " ms for a Retry-After of 1 s");
    }

    @Test
    void httpClientDoesNotRetryOnItsOwn() {
        // HttpClient 5 would wait out Retry-After and resend a 429 by itself unless its retries are off
        simulator.faults().scriptFor("own-1", Fault.throttle(Duration.ofSeconds(1)));
        assertFailure(failureFor("direct:once", "own-1"), "ThrottlingException", 429, true, 1);
        simulator.faults().scriptFor("own-2", Fault.dropConnection());
        assertFailure(failureFor("direct:once", "own-2"), "NoHttpResponseException", 0, true, 1);

        assertEquals(1, simulator.ledger().callsFor("own-1").size());
        assertEquals(1, simulator.ledger().callsFor("own-2").size());
    }

    @Test
    void connectionRefusedIsRetryable() throws Exception {
        ConnectParticipantException failure;
        try (ClosedPort nowhere = ClosedPort.reserve()) {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:nowhere").to("connectparticipant:completeAttachmentUpload?connectionToken=x"
                            + "&uriEndpointOverride=" + nowhere.url() + "&maxAttempts=2");
                }
            });
            failure = failureFor("direct:nowhere", "n-1");
        }
        assertEquals(0, failure.getStatusCode());
        assertTrue(failure.isRetryable());
        assertEquals(2, failure.getAttempts());
    }

    @Test
    void aStreamBodyIsReadableAgainWhenCamelRedelivers() throws Exception {
        // through a route: Camel's stream caching makes the stream re-readable
        simulator.faults().scriptFor("st-cached", Fault.internalError());
        Exchange exchange = template.send("direct:redelivered", e -> e.getMessage().setBody(stream("st-cached")));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals(List.of(500, 200),
                simulator.ledger().callsFor("st-cached").stream().map(Ledger.Call::status).toList());

        // the raw stream, as a route without stream caching hands it over, redelivered at the same step
        simulator.faults().scriptFor("st-raw", Fault.internalError());
        org.apache.camel.Producer producer = context.getEndpoint(TO + "&maxAttempts=1").createProducer();
        producer.start();
        try {
            Exchange raw = new org.apache.camel.support.DefaultExchange(context);
            raw.getMessage().setBody(stream("st-raw"));
            ConnectParticipantException first = org.junit.jupiter.api.Assertions.assertThrows(
                    ConnectParticipantException.class,
                    () -> producer.process(raw));
            assertEquals(500, first.getStatusCode());
            producer.process(raw);
        } finally {
            producer.stop();
        }
        assertEquals(List.of(500, 200),
                simulator.ledger().callsFor("st-raw").stream().map(Ledger.Call::status).toList());
        assertEquals(1, simulator.ledger().clientTokensFor("st-raw").size(), "the redelivery keeps the token");
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void failuresReachTheDeadLetterChannelUnchanged() throws Exception {
        simulator.refuseAttachmentIds("dead-1");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedBodiesReceived("dead-1");
        getMockEndpoint("mock:done").expectedMessageCount(1);

        template.sendBody("direct:dlc", "dead-1");
        template.sendBody("direct:dlc", "ok-1");

        MockEndpoint.assertIsSatisfied(context);
        Exchange deadLetter = dead.getReceivedExchanges().get(0);
        Exception caught = deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ConnectParticipantException failure = (ConnectParticipantException) caught;
        assertSame(ConnectParticipantException.class, failure.getClass());
        assertEquals("ValidationException", failure.getErrorCode());
        assertEquals(400, failure.getStatusCode());
        assertFalse(failure.isRetryable());
    }

    @Test
    void partialFailureSaysWhatCompletedAndARedeliveryRepeatsWithTheSameTokens() {
        simulator.faults().scriptFor("p-2", Fault.internalError(), Fault.internalError(), Fault.internalError());
        simulator.refuseAttachmentIds("p-bad");

        Exchange first = template.send("direct:complete", e -> {
            e.getMessage().setBody(List.of("p-1", "p-bad", "p-2", "p-3"));
            e.getMessage().setHeader(ConnectParticipantConstants.IDEMPOTENCY_KEY, "order-42");
        });
        ConnectParticipantException failure = failureOf(first);
        // a refused id concerns that id alone; a service that keeps failing stops the rest
        assertEquals("p-bad", failure.getAttachmentId());
        assertEquals("ValidationException", failure.getErrorCode());
        assertEquals(List.of("p-1"), failure.getCompletedAttachmentIds());
        assertEquals(List.of("p-bad", "p-2"), failure.getFailedAttachmentIds());
        assertEquals(List.of("p-3"), failure.getNotAttemptedAttachmentIds());
        assertFalse(failure.isRetryable(), "one failure is permanent");
        assertTrue(failure.getMessage().contains("Completed 1 of 4"), failure::getMessage);

        Exchange redelivery = template.send("direct:complete", e -> {
            e.getMessage().setBody(List.of("p-1", "p-2", "p-3"));
            e.getMessage().setHeader(ConnectParticipantConstants.IDEMPOTENCY_KEY, "order-42");
        });
        assertNull(redelivery.getException());
        for (String id : List.of("p-1", "p-2", "p-3")) {
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id + " kept its token");
            assertTrue(simulator.ledger().isCompleted(id));
        }
        assertEquals(2, simulator.ledger().callsFor("p-1").size(), "p-1 was repeated, not redone");
    }
}
