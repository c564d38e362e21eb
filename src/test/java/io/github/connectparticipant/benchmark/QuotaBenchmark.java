package io.github.connectparticipant.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.connectparticipant.camel.ConnectParticipantException;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import io.github.connectparticipant.simulator.QuotaWindow;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.CompleteAttachmentUploadRequest;

/**
 * The quota and brownout scenarios of the benchmark: a backlog of attachment ids drained by a number of threads against
 * the simulator enforcing a quota (429 without Retry-After) of a shape (a token bucket with a burst of one second's
 * calls unless said otherwise, a bucket with another burst, fixed or sliding one-second windows), and/or failing a share
 * of the calls at random whatever the rate (a brownout: a third 429, a third 500, the rest 503 and dropped
 * connections), side by side: the AWS SDK for Java v2 in its STANDARD and ADAPTIVE_V2 retry modes, and the component
 * with its defaults and with {@code adaptiveRateLimit=false}. Each contender gets a fresh simulator and a fresh client, so that none inherits what another
 * learned, and each its own defaults: the SDK's 3 attempts, the component's 3 attempts and its waits for capacity (up
 * to maxWaitForCapacity). A message that fails after the client's own retries counts as failed (a route would
 * redeliver it, or dead-letter it).
 */
final class QuotaBenchmark {

    /**
     * A backlog of messages, drained by threads, against a quota of calls per second of a shape ("bucket": a burst of
     * one second's calls; "burst=N"; "fixed" or "sliding" one-second windows) and a brownout.
     */
    record Scenario(double quota, int threads, int messages, double brownout, String shape) {

        /**
         * "20:8:600": quota 20 calls/s, 8 threads, 600 messages; "50:8:600:0.3": the same with 30% of the calls
         * failing at random; "0:8:1000:0.3": no quota, 30% failing; "50:8:600:0:fixed": fixed one-second windows of
         * 50 calls; "50:8:600:0:burst=2": a token bucket with a burst of 2.
         */
        static Scenario parse(String spec) {
            String[] parts = spec.split(":");
            String shape = parts.length > 4 ? parts[4] : "bucket";
            if (!shape.equals("bucket") && !shape.equals("fixed") && !shape.equals("sliding")
                    && !shape.startsWith("burst=")) {
                throw new IllegalArgumentException("Unknown quota shape " + shape + " in " + spec
                        + ": bucket, burst=N, fixed or sliding");
            }
            return new Scenario(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    parts.length > 3 ? Double.parseDouble(parts[3]) : 0, shape);
        }

        /** Sets the scenario's quota on the simulator. */
        void apply(ParticipantServiceSimulator simulator) {
            switch (shape) {
                case "fixed" -> simulator.quota(QuotaWindow.FIXED, (int) quota);
                case "sliding" -> simulator.quota(QuotaWindow.SLIDING, (int) quota);
                case "bucket" -> simulator.quota(quota);
                default -> simulator.quota(quota, Double.parseDouble(shape.substring("burst=".length())));
            }
        }

        /** Every admitted call that does not fail at random is one message done; none without a quota. */
        double idealSeconds() {
            return quota > 0 ? messages / (quota * (1 - brownout)) : Double.NaN;
        }
    }

    /** One way of completing one attachment id, with its own retries. */
    private interface Caller extends AutoCloseable {

        void complete(String attachmentId) throws Exception;
    }

    private record Outcome(double seconds, int calls, int throttled, int failed, String firstFailure) {
    }

    private static final String ROW = "| %s | %s | %.0f%% | %d | %d | %s | %.1f | %s | %.2f | %.1f%% | %d |%n";
    private static final String UNPACED = "component, adaptiveRateLimit=false";
    private static final List<String> CONTENDERS = List.of("AWS SDK v2, STANDARD", "AWS SDK v2, ADAPTIVE_V2",
            "component (defaults)", UNPACED);

    private QuotaBenchmark() {
    }

    static String run(List<Scenario> scenarios) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("A backlog drained against the simulator's quota (429 without Retry-After; a token bucket with a "
                + "burst of one second's calls unless the shape says otherwise) and brownout (that share of the "
                + "calls failing at random whatever the rate: a third 429, a third 500, the rest 503 and dropped "
                + "connections); each contender with a fresh simulator and client. Ideal: messages / (quota x (1 - "
                + "brownout)).\n\n| quota/s | shape | brownout | threads | messages | contender | seconds | vs ideal "
                + "| calls/message | throttled share of calls | failed messages |\n"
                + "|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Scenario scenario : scenarios) {
            for (String contender : CONTENDERS) {
                Outcome outcome = drain(scenario, contender);
                double ideal = scenario.idealSeconds();
                table.append(String.format(Locale.ROOT, ROW,
                        scenario.quota() > 0 ? String.format(Locale.ROOT, "%.0f", scenario.quota()) : "none",
                        scenario.quota() > 0 ? scenario.shape() : "-", 100 * scenario.brownout(), scenario.threads(),
                        scenario.messages(), contender,
                        outcome.seconds(), Double.isNaN(ideal)
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", outcome.seconds() / ideal),
                        outcome.calls() / (double) scenario.messages(), 100.0 * outcome.throttled() / outcome.calls(),
                        outcome.failed()));
                System.out.printf(Locale.ROOT, "quota %.0f/s (%s), brownout %.2f, %d threads, %s: %.1f s, %d calls, "
                        + "%d throttled, %d failed (%s)%n", scenario.quota(), scenario.shape(), scenario.brownout(),
                        scenario.threads(), contender, outcome.seconds(), outcome.calls(), outcome.throttled(),
                        outcome.failed(), outcome.firstFailure());
            }
        }
        return table.toString();
    }

    private static Outcome drain(Scenario scenario, String contender) throws Exception {
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens(Contenders.TOKEN);
                Caller caller = caller(contender, simulator.baseUrl())) {
            scenario.apply(simulator);
            if (scenario.brownout() > 0) {
                simulator.faults().rates(FaultRates.brownout(scenario.brownout(), 20261129));
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            ExecutorService pool = Executors.newFixedThreadPool(scenario.threads());
            long start = System.nanoTime();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < scenario.threads(); t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < scenario.messages(); i = next.getAndIncrement()) {
                            try {
                                caller.complete(String.format("quota-%05d", i));
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                // the component's failure comes wrapped by Contenders.request
                                Throwable failure = e instanceof IllegalStateException && e.getCause() != null
                                        ? e.getCause()
                                        : e;
                                firstFailure.compareAndSet(null, failure.getClass().getSimpleName()
                                        + (failure instanceof ConnectParticipantException cpe
                                                ? " " + cpe.getErrorCode()
                                                : ""));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Ledger.Call> calls = simulator.ledger().calls();
            int throttled = (int) calls.stream().filter(call -> call.status() == 429).count();
            return new Outcome(seconds, calls.size(), throttled, failed.get(), firstFailure.get());
        }
    }

    private static Caller caller(String contender, String baseUrl) throws Exception {
        if (contender.startsWith("AWS SDK")) {
            RetryMode mode = contender.endsWith("ADAPTIVE_V2") ? RetryMode.ADAPTIVE_V2 : RetryMode.STANDARD;
            ConnectParticipantClient client = Contenders.sdkClient(baseUrl, mode);
            return new Caller() {

                @Override
                public void complete(String attachmentId) {
                    client.completeAttachmentUpload(CompleteAttachmentUploadRequest.builder()
                            .attachmentIds(attachmentId).connectionToken(Contenders.TOKEN).build());
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        Endpoint endpoint = camel.getEndpoint("connectparticipant:completeAttachmentUpload?connectionToken=RAW("
                + Contenders.TOKEN + ")&uriEndpointOverride=" + baseUrl
                + (contender.equals(UNPACED) ? "&adaptiveRateLimit=false" : ""));
        return new Caller() {

            @Override
            public void complete(String attachmentId) {
                Contenders.request(template, endpoint, attachmentId);
            }

            @Override
            public void close() throws Exception {
                template.close();
                camel.close();
            }
        };
    }
}
