package io.github.connectparticipant.camel.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A backlog draining against a token-bucket quota, in virtual time: clients (JVMs), each with its own
 * {@link AdaptiveRateLimiter} and consumers, take messages from one shared queue and call a service that admits
 * {@code quota} calls a second with a burst of {@code burst} (0: no quota), and that may also fail a share of the calls
 * it admits at random, whatever the rate ({@link #brownout}): throttles, and server faults that the caller retries
 * after a backoff. It runs the limiter's state machine exactly as {@link AdaptiveRateLimiter#acquire} does (callers of
 * one client wait their turn in order), so that the learned rate's behaviour can be checked deterministically and in
 * milliseconds: drain time, throttled share, fairness.
 */
final class QuotaModel {

    /** The outcome of one run. */
    record Outcome(double seconds, double idealSeconds, int calls, int throttled, int quotaThrottled,
            int[] callsByClient, int messages) {

        double drainRatio() {
            return seconds / idealSeconds;
        }

        double callsPerMessage() {
            return calls / (double) messages;
        }

        double throttledShare() {
            return throttled / (double) calls;
        }

        double smallestClientShare() {
            int min = Integer.MAX_VALUE;
            int total = 0;
            for (int c : callsByClient) {
                min = Math.min(min, c);
                total += c;
            }
            return min / (double) total;
        }

        @Override
        public String toString() {
            return String.format("%.1f s (%.2fx ideal), %d calls (%.2f a message), %.1f%% throttled (%d by the quota),"
                    + " smallest client share %.0f%%", seconds, drainRatio(), calls, callsPerMessage(),
                    100 * throttledShare(), quotaThrottled, 100 * smallestClientShare());
        }
    }

    private static final long MS = 1_000_000L;

    private final double quota;
    private final double burst;
    private final long latencyNanos;

    private double randomThrottles;
    private double randomFaults;
    private boolean adaptive = true;
    private Random random = new Random(20261129);
    private Random latencies;
    private long extraLatencyNanos;
    private long[] startNanos = new long[0];
    private long consumersStartOverNanos;

    QuotaModel(double quota, double burst, long latencyMillis) {
        this.quota = quota;
        this.burst = burst;
        this.latencyNanos = latencyMillis * MS;
    }

    /**
     * Of the calls the quota admits, this share is throttled and this share fails with a server fault (retried after
     * a backoff of up to 100 ms), at random whatever the rate.
     */
    QuotaModel brownout(double throttles, double faults, long seed) {
        this.randomThrottles = throttles;
        this.randomFaults = faults;
        this.random = new Random(seed);
        return this;
    }

    /** Each call takes up to this much longer than the latency, at random, as calls do on a real machine. */
    QuotaModel jitter(long extraMillis, long seed) {
        this.extraLatencyNanos = extraMillis * MS;
        this.latencies = new Random(seed);
        return this;
    }

    /** Client i starts taking messages this many milliseconds after the run starts (0 for those not given). */
    QuotaModel startAfter(long... millis) {
        this.startNanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            startNanos[i] = millis[i] * MS;
        }
        return this;
    }

    /**
     * The consumers of each client start one after another over this many milliseconds, as a route's consumers do while
     * a JVM warms up, rather than all at once.
     */
    QuotaModel consumersStartOver(long millis) {
        this.consumersStartOverNanos = millis * MS;
        return this;
    }

    /** The clients do not learn a rate: every call goes at once (adaptiveRateLimit=false). */
    QuotaModel unpaced() {
        this.adaptive = false;
        return this;
    }

    private final class Client {

        final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        final ArrayDeque<Consumer> waiting = new ArrayDeque<>();
        boolean turnScheduled;
        int calls;
    }

    private record Consumer(Client client, int id) {
    }

    private record Event(long at, int kind, Consumer consumer, long sentAt, long seq) implements Comparable<Event> {

        static final int TURN = 0;
        static final int ANSWER = 1;
        static final int BACKOFF_OVER = 2;

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long seq;
    private double tokens;
    private long tokensAt;

    /** Drains this many messages with this many consumers in each client; a consumer starts when the run starts. */
    Outcome run(int messages, int... consumersPerClient) {
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < consumersPerClient.length; c++) {
            int consumers = consumersPerClient[c];
            long clientStart = c < startNanos.length ? startNanos[c] : 0;
            Client client = new Client();
            clients.add(client);
            for (int i = 0; i < consumers; i++) {
                if (consumersStartOverNanos == 0 || i == 0) {
                    client.waiting.add(new Consumer(client, i));
                } else {
                    events.add(
                            new Event(clientStart + consumersStartOverNanos * i / (consumers - 1), Event.BACKOFF_OVER,
                                    new Consumer(client, i), 0, seq++));
                }
            }
        }
        tokens = burst;
        tokensAt = 0;
        int remaining = messages;
        int calls = 0;
        int throttled = 0;
        int quotaThrottled = 0;
        long now = 0;
        for (int i = 0; i < clients.size(); i++) {
            scheduleTurn(clients.get(i), i < startNanos.length ? startNanos[i] : 0);
        }
        int done = 0;
        // consumers with no message to take stay idle
        while (done < messages) {
            Event event = events.poll();
            if (event == null) {
                throw new IllegalStateException("stalled with " + (messages - done) + " messages left");
            }
            now = event.at;
            Client client = event.consumer.client;
            if (event.kind == Event.BACKOFF_OVER) {
                client.waiting.add(event.consumer);
                if (!client.turnScheduled) {
                    scheduleTurn(client, now);
                }
            } else if (event.kind == Event.TURN) {
                client.turnScheduled = false;
                Consumer head = client.waiting.peek();
                while (head != null && !isRetry(head) && remaining == 0) {
                    // nothing left to take: the consumer idles
                    client.waiting.poll();
                    head = client.waiting.peek();
                }
                if (head == null) {
                    continue;
                }
                long next = client.limiter.nextSendNanos(now, 0, adaptive);
                if (next > now) {
                    scheduleTurn(client, next);
                    continue;
                }
                client.waiting.poll();
                client.limiter.sent(now);
                if (!isRetry(head)) {
                    remaining--;
                }
                calls++;
                client.calls++;
                long latency = latencyNanos
                        + (latencies == null ? 0 : (long) (latencies.nextDouble() * extraLatencyNanos));
                events.add(new Event(now + latency, Event.ANSWER, head, now, seq++));
                if (!client.waiting.isEmpty()) {
                    scheduleTurn(client, now);
                }
            } else {
                // the service decides halfway through the call
                boolean admitted = take((event.sentAt + event.at) / 2);
                double draw = admitted ? random.nextDouble() : 0;
                if (admitted && draw >= randomThrottles + randomFaults) {
                    client.limiter.served(event.sentAt, now);
                    done++;
                    retrying.remove(event.consumer);
                } else if (admitted && draw >= randomThrottles) {
                    // a server fault: retried after the policy's backoff
                    client.limiter.served(event.sentAt, now);
                    retrying.add(event.consumer);
                    events.add(new Event(now + (long) (random.nextDouble() * 100 * MS), Event.BACKOFF_OVER,
                            event.consumer, 0, seq++));
                    continue;
                } else {
                    throttled++;
                    quotaThrottled += admitted ? 0 : 1;
                    if (adaptive) {
                        client.limiter.throttled(event.sentAt, now);
                    }
                    retrying.add(event.consumer);
                }
                client.waiting.add(event.consumer);
                if (!client.turnScheduled) {
                    scheduleTurn(client, now);
                }
            }
        }
        int[] byClient = clients.stream().mapToInt(c -> c.calls).toArray();
        double admittedShareServed = 1 - randomThrottles - randomFaults;
        double ideal = quota > 0 ? messages / (quota * admittedShareServed) : 0;
        return new Outcome(now / 1e9, ideal, calls, throttled, quotaThrottled, byClient, messages);
    }

    private final Set<Consumer> retrying = new HashSet<>();

    private boolean isRetry(Consumer consumer) {
        return retrying.contains(consumer);
    }

    private void scheduleTurn(Client client, long at) {
        client.turnScheduled = true;
        events.add(new Event(at, Event.TURN, new Consumer(client, -1), 0, seq++));
    }

    private boolean take(long at) {
        if (quota <= 0) {
            return true;
        }
        if (at > tokensAt) {
            tokens = Math.min(burst, tokens + (at - tokensAt) / 1e9 * quota);
            tokensAt = at;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
