package io.github.connectparticipant.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.CompleteAttachmentUploadRequest;

/**
 * The quota scenario of the benchmark: a backlog of attachment ids drained by a number of threads against the
 * simulator enforcing a token-bucket quota (a burst of one second's calls, 429 without Retry-After), side by side: the
 * AWS SDK for Java v2 in its STANDARD and ADAPTIVE_V2 retry modes, and the component with its defaults. Each
 * contender gets a fresh simulator and a fresh client, so that none inherits what another learned. A message that
 * fails after the client's own retries counts as failed (a route would redeliver it, or dead-letter it).
 */
final class QuotaBenchmark {

    /** A backlog of messages, drained by threads, against a quota of calls per second. */
    record Scenario(double quota, int threads, int messages) {
        /** "20:8:600": quota 20 calls/s, 8 threads, 600 messages. */
        static Scenario parse(String spec) {
            String[] parts = spec.split(":");
            return new Scenario(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        double idealSeconds() {
            return messages / quota;
        }
    }

    /** One way of completing one attachment id, with its own retries. */
    private interface Caller extends AutoCloseable {
        void complete(String attachmentId) throws Exception;
    }

    private record Outcome(double seconds, int calls, int throttled, int failed, String firstFailure) {
    }

    private QuotaBenchmark() {
    }

    static String run(List<Scenario> scenarios) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("A backlog drained against the simulator's quota (token bucket, burst of one second's calls, 429 "
                     + "without Retry-After); each contender with a fresh simulator and client. Ideal: messages / "
                     + "quota.\n\n| quota/s | threads | messages | contender | seconds | vs ideal | calls/message "
                     + "| throttled share of calls | failed messages |\n|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Scenario scenario : scenarios) {
            for (String contender : List.of("AWS SDK v2, STANDARD", "AWS SDK v2, ADAPTIVE_V2", "component (defaults)")) {
                Outcome outcome = drain(scenario, contender);
                table.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %s | %.1f | %.2f | %.2f | %.1f%% | %d |%n",
                        scenario.quota(), scenario.threads(), scenario.messages(), contender, outcome.seconds(),
                        outcome.seconds() / scenario.idealSeconds(), outcome.calls() / (double) scenario.messages(),
                        100.0 * outcome.throttled() / outcome.calls(), outcome.failed()));
                System.out.printf(Locale.ROOT, "quota %.0f/s, %d threads, %s: %.1f s, %d calls, %d throttled, %d failed"
                                               + " (%s)%n", scenario.quota(), scenario.threads(), contender,
                        outcome.seconds(), outcome.calls(), outcome.throttled(), outcome.failed(),
                        outcome.firstFailure());
            }
        }
        return table.toString();
    }

    private static Outcome drain(Scenario scenario, String contender) throws Exception {
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens(Contenders.TOKEN).quota(scenario.quota());
             Caller caller = caller(contender, simulator.baseUrl())) {
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
                                firstFailure.compareAndSet(null, e.getClass().getSimpleName());
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
                                              + Contenders.TOKEN + ")&uriEndpointOverride=" + baseUrl);
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
