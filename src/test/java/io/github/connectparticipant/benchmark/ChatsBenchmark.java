package io.github.connectparticipant.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.chat.Await;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The chats consumer at a contact centre's scale (issue #31): a number of chats followed by one
 * {@code connectparticipant:chats} route (concurrentConsumers at its default), each chat's agent saying one item a
 * second for a while, the route spending some time on each item (a bot's call to its backend), a share of the chats
 * with a slow first connection (their agents speak once they are followed). Reported: every item once and in order per chat, the hand-off latency (from the item's
 * AbsoluteTime to the route) of the healthy chats, the consumer's threads, and the heap per followed idle chat (the
 * simulator runs in the same JVM: its side of each chat's socket is counted too).
 * --chats chats:workMillis:slowShare:slowSeconds,... (by default 500:100:0.1:30,2000:0:0:0); 0 for none.
 */
final class ChatsBenchmark {

    /** How long each chat's agent says an item a second. */
    private static final int SECONDS_OF_ITEMS = 30;

    /** A scenario: so many chats, so much work in the route per item, a share of chats slow to connect, how slow. */
    record Scenario(int chats, long workMillis, double slowShare, long slowSeconds) {

        static Scenario parse(String spec) {
            String[] parts = spec.split(":");
            return new Scenario(Integer.parseInt(parts[0]), Long.parseLong(parts[1]),
                    parts.length > 2 ? Double.parseDouble(parts[2]) : 0,
                    parts.length > 3 ? Long.parseLong(parts[3]) : 0);
        }
    }

    private ChatsBenchmark() {
    }

    static String run(List<Scenario> scenarios) throws Exception {
        StringBuilder table = new StringBuilder(
                "Chats followed by one connectparticipant:chats route (concurrentConsumers"
                        + " at its default), each chat's agent saying one item a second for " + SECONDS_OF_ITEMS
                        + " s once the healthy chats are subscribed; the route spends the work on each item; the slow chats'"
                        + " first CreateParticipantConnection is answered that late. Latency: from the item's AbsoluteTime to"
                        + " the route, the healthy chats' items.\n\n| chats | work per item | slow chats | items | each once and"
                        + " in order | latency p50 | p99 | max | consumer threads | heap per idle chat (both ends) |\n"
                        + "|---:|---:|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Scenario scenario : scenarios) {
            table.append(run(scenario));
        }
        return table.toString();
    }

    private static String run(Scenario scenario) throws Exception {
        List<String> participants = new ArrayList<>();
        for (int i = 0; i < scenario.chats(); i++) {
            participants.add(String.format("bench-chat-%05d", i));
        }
        int slowCount = (int) Math.round(scenario.chats() * scenario.slowShare());
        List<String> slow = participants.subList(0, slowCount);
        List<String> healthy = participants.subList(slowCount, participants.size());
        // per chat, the items the route got, in order; the latencies of the healthy chats' items
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        Map<String, String> contactOf = new ConcurrentHashMap<>();
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start("127.0.0.1", 0, 256)
                .acceptParticipantTokens(participants.toArray(String[]::new));
                CamelContext camel = new DefaultCamelContext()) {
            for (String participant : participants) {
                contactOf.put(simulator.contactId(participant), participant);
            }
            if (!slow.isEmpty()) {
                simulator.slowConnections(Duration.ofSeconds(scenario.slowSeconds()), slow.toArray(String[]::new));
            }
            Set<String> healthySet = Set.copyOf(healthy);
            camel.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("connectparticipant:chats?connectionRateLimit=100&uriEndpointOverride=" + simulator.baseUrl())
                            .process(exchange -> {
                                long now = System.currentTimeMillis();
                                String participant = contactOf.get(exchange.getMessage()
                                        .getHeader(ConnectParticipantConstants.CONTACT_ID, String.class));
                                received.computeIfAbsent(participant, p -> new CopyOnWriteArrayList<>())
                                        .add(exchange.getMessage().getBody(String.class));
                                if (healthySet.contains(participant)) {
                                    Instant said = Instant.parse(exchange.getMessage()
                                            .getHeader(ConnectParticipantConstants.ABSOLUTE_TIME, String.class));
                                    latencies.add(now - said.toEpochMilli());
                                }
                                if (scenario.workMillis() > 0) {
                                    Thread.sleep(scenario.workMillis());
                                }
                            });
                    from("direct:follow").to("connectparticipant:followChat?uriEndpointOverride="
                            + simulator.baseUrl());
                }
            });
            camel.start();
            long heapBefore = usedHeapAfterGc();
            ProducerTemplate template = camel.createProducerTemplate();
            for (String participant : participants) {
                template.sendBodyAndHeader("direct:follow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN,
                        participant);
            }
            Await.until(() -> healthy.stream().allMatch(p -> simulator.subscribedSockets(p) == 1),
                    Duration.ofMinutes(3), "every healthy chat subscribed");
            long heapPerChat = (usedHeapAfterGc() - heapBefore) / Math.max(1, healthy.size());
            // each chat's agent says an item a second, the chats spread over the second
            ScheduledExecutorService agents = Executors.newScheduledThreadPool(4);
            try {
                for (int i = 0; i < participants.size(); i++) {
                    String participant = participants.get(i);
                    long offset = 1000L * i / participants.size();
                    int[] said = {0};
                    agents.scheduleAtFixedRate(() -> {
                        // a chat's items from when it is followed (a slow chat's once its connection came)
                        if (said[0] < SECONDS_OF_ITEMS
                                && (said[0] > 0 || simulator.subscribedSockets(participant) > 0)) {
                            simulator.agentMessage(participant, participant + " " + (++said[0]));
                        }
                    }, offset, 1000, TimeUnit.MILLISECONDS);
                }
                long expected = (long) SECONDS_OF_ITEMS * participants.size();
                Await.until(() -> received.values().stream().mapToLong(List::size).sum() >= expected,
                        Duration.ofSeconds(SECONDS_OF_ITEMS + scenario.slowSeconds() + 120), "every item");
            } finally {
                agents.shutdownNow();
            }
            int threads = consumerThreads();
            boolean onceInOrder = participants.stream().allMatch(p -> {
                List<String> items = received.getOrDefault(p, List.of());
                List<String> expected = new ArrayList<>();
                for (int n = 1; n <= SECONDS_OF_ITEMS; n++) {
                    expected.add(p + " " + n);
                }
                return items.equals(expected);
            });
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String row = String.format(Locale.ROOT, "| %d | %d ms | %d, first connection %d s | %d | %s | %d ms | %d ms"
                    + " | %d ms | %d | %.1f KB |%n", scenario.chats(), scenario.workMillis(), slowCount,
                    scenario.slowSeconds(), received.values().stream().mapToLong(List::size).sum(),
                    onceInOrder ? "yes" : "**no**", percentile(sorted, 0.5), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], threads, heapPerChat / 1024.0);
            System.out.print(row);
            return row;
        }
    }

    /** The consumer's threads: its chats' sockets, its hand-offs and its service calls (the simulator's are apart). */
    private static int consumerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("ConnectParticipantChat")).count();
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static List<Scenario> parse(String specs) {
        return Arrays.stream(specs.split(",")).map(Scenario::parse).toList();
    }
}
