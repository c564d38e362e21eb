package io.github.connectparticipant.camel.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A backlog draining against a quota, in virtual time: clients (JVMs), each with its own {@link AdaptiveRateLimiter}
 * and consumers, take messages from one shared queue and call a service whose quota has a {@link QuotaShape} (a token
 * bucket, windows, a rate that changes; or none), and that may also fail a share of the calls it admits at random,
 * whatever the rate ({@link #brownout}): throttles, and server faults that the caller retries after a backoff. It runs the limiter's state machine exactly as {@link AdaptiveRateLimiter#acquire} does (callers of
 * one client wait their turn in order), so that the learned rate's behaviour can be checked deterministically and in
 * milliseconds: drain time, throttled share, fairness.
 */
final class QuotaModel {

    /**
     * The outcome of one run. {@code idealSeconds} is N / (quota x the share of calls admitted and served) for a token
     * bucket given by its rate (the ideal the older tests were written against), the true ideal otherwise.
     */
    record Outcome(double seconds, double idealSeconds, double trueIdealSeconds, int calls, int throttled,
            int quotaThrottled, int[] callsByClient, int messages, int heldCalls, int[] callsByClientTogether) {

        /**
         * The drain time against the true ideal: the first moment the quota could have admitted every call the
         * messages needed (its burst, its windows, its changes of rate counted).
         */
        double trueDrainRatio() {
            return seconds / trueIdealSeconds;
        }

        /** The share of the calls sent as soon as a consumer had them, without waiting for the learned rate. */
        double unheldShare() {
            return 1 - heldCalls / (double) calls;
        }

        double drainRatio() {
            return seconds / idealSeconds;
        }

        double callsPerMessage() {
            return calls / (double) messages;
        }

        double throttledShare() {
            return throttled / (double) calls;
        }

        /**
         * The smallest client's share of the calls sent while every client ran (from the last one's start): with
         * staggered starts, the first clients' calls before the others came are not a share taken from them.
         */
        double smallestShareTogether() {
            return smallest(callsByClientTogether);
        }

        double smallestClientShare() {
            return smallest(callsByClient);
        }

        private static double smallest(int[] callsByClient) {
            int min = Integer.MAX_VALUE;
            int total = 0;
            for (int c : callsByClient) {
                min = Math.min(min, c);
                total += c;
            }
            return total == 0 ? 0 : min / (double) total;
        }

        @Override
        public String toString() {
            return String.format("%.1f s (%.2fx ideal), %d calls (%.2f a message), %.1f%% throttled (%d by the quota),"
                    + " smallest client share %.0f%%", seconds, drainRatio(), calls, callsPerMessage(),
                    100 * throttledShare(), quotaThrottled, 100 * smallestClientShare());
        }
    }

    private static final long MS = 1_000_000L;

    private final QuotaShape quota;
    /** The token bucket's rate for {@link Outcome#idealSeconds()}, 0 for a quota of another shape. */
    private final double bucketRate;
    private final long latencyNanos;

    private double randomThrottles;
    private double randomFaults;
    private boolean adaptive = true;
    private Random random = new Random(20261129);
    private Random latencies;
    private long extraLatencyNanos;
    private long[] startNanos = new long[0];
    private long consumersStartOverNanos;
    private LearnedRateTuning tuning = LearnedRateTuning.DEFAULTS;

    /** A token bucket of quota calls a second and the given burst (0 calls a second: no quota). */
    QuotaModel(double quota, double burst, long latencyMillis) {
        this(quota > 0 ? QuotaShape.tokenBucket(quota, burst) : QuotaShape.none(), quota, latencyMillis);
    }

    /** A quota of this shape (used for one run: it keeps its state). */
    QuotaModel(QuotaShape quota, long latencyMillis) {
        this(quota, 0, latencyMillis);
    }

    private QuotaModel(QuotaShape quota, double bucketRate, long latencyMillis) {
        this.quota = quota;
        this.bucketRate = bucketRate;
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

    /** Every client's learned rate runs with these constants (the producers' by default). */
    QuotaModel tuning(LearnedRateTuning constants) {
        this.tuning = constants;
        return this;
    }

    /** Prints each client's learned rate and the calls so far every tenth of a second (to trace a run). */
    QuotaModel trace() {
        this.trace = true;
        return this;
    }

    private boolean trace;
    private long tracedAt;

    /** Every client's calls are paced at this fixed rate (rateLimit), and the learned rate is off. */
    QuotaModel fixedRate(double callsPerSecond) {
        this.fixedRate = callsPerSecond;
        this.adaptive = false;
        return this;
    }

    private double fixedRate;

    /** The clients do not learn a rate: every call goes at once (adaptiveRateLimit=false). */
    QuotaModel unpaced() {
        this.adaptive = false;
        return this;
    }

    private final class Client {

        final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(tuning);
        final ArrayDeque<Consumer> waiting = new ArrayDeque<>();
        boolean turnScheduled;
        boolean headHeld;
        int calls;
        int callsTogether;
        int held;
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

    /** Drains this many messages with this many consumers in each client; a consumer starts when the run starts. */
    Outcome run(int messages, int... consumersPerClient) {
        List<Client> clients = new ArrayList<>();
        long lastStartNanos = 0;
        for (long start : startNanos) {
            lastStartNanos = Math.max(lastStartNanos, start);
        }
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
            if (trace && now - tracedAt >= 100 * MS) {
                tracedAt = now;
                StringBuilder line = new StringBuilder(
                        String.format("%6.2f s: %d done, %d calls, %d throttled (%d by the"
                                + " quota);", now / 1e9, done, calls, throttled, quotaThrottled));
                for (Client c : clients) {
                    line.append(String.format(" %.1f/s (%d calls)", c.limiter.currentRate(now), c.calls));
                }
                System.out.println(line);
            }
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
                long next = client.limiter.nextSendNanos(now, fixedRate, adaptive);
                if (next > now) {
                    client.headHeld = true;
                    scheduleTurn(client, next);
                    continue;
                }
                client.held += client.headHeld ? 1 : 0;
                client.headHeld = false;
                client.waiting.poll();
                client.limiter.sent(now);
                if (!isRetry(head)) {
                    remaining--;
                }
                calls++;
                client.calls++;
                client.callsTogether += now >= lastStartNanos ? 1 : 0;
                long latency = latencyNanos
                        + (latencies == null ? 0 : (long) (latencies.nextDouble() * extraLatencyNanos));
                events.add(new Event(now + latency, Event.ANSWER, head, now, seq++));
                if (!client.waiting.isEmpty()) {
                    scheduleTurn(client, now);
                }
            } else {
                // the service decides halfway through the call
                boolean admitted = quota.admits((event.sentAt + event.at) / 2);
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
        int held = clients.stream().mapToInt(c -> c.held).sum();
        int[] byClientTogether = clients.stream().mapToInt(c -> c.callsTogether).toArray();
        double callsNeeded = messages / (1 - randomThrottles - randomFaults);
        double trueIdeal = trueIdealSeconds(callsNeeded);
        return new Outcome(now / 1e9, bucketRate > 0 ? callsNeeded / bucketRate : trueIdeal, trueIdeal, calls,
                throttled, quotaThrottled, byClient, messages, held, byClientTogether);
    }

    /**
     * The first moment the quota could have admitted so many calls (those the random faults spend
     * included), to the millisecond; 0 with no quota.
     */
    private double trueIdealSeconds(double calls) {
        if (quota.capacityBy(0) == Double.POSITIVE_INFINITY) {
            return 0;
        }
        long lo = 0;
        long hi = 300 * QuotaShape.SECOND;
        while (hi - lo > MS) {
            long mid = (lo + hi) / 2;
            if (quota.capacityBy(mid) >= calls) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi / 1e9;
    }

    private final Set<Consumer> retrying = new HashSet<>();

    private boolean isRetry(Consumer consumer) {
        return retrying.contains(consumer);
    }

    private void scheduleTurn(Client client, long at) {
        client.turnScheduled = true;
        events.add(new Event(at, Event.TURN, new Consumer(client, -1), 0, seq++));
    }

}
