package io.github.connectparticipant.camel.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.github.connectparticipant.camel.client.AdaptiveRateLimiter;
import io.github.connectparticipant.camel.client.CallMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.hc.core5.pool.ConnPoolControl;

import static io.github.connectparticipant.camel.client.CallMetrics.SUCCESS;

/**
 * The component's meters in a Micrometer registry, all named connectparticipant.* and tagged with the service (its
 * base URL, never a token): calls by operation, outcome and error code; the duration of whole calls and of HTTP attempts; retries; throttled attempts; waits for capacity; the
 * learned rate; the HTTP pool. This class is the only one that names Micrometer's types; {@link Metering#find} loads
 * it only when Micrometer is on the class path.
 */
public final class MicrometerMetrics implements Metering {

    private static final String RATE_LIMIT = "connectparticipant.rate.limit";
    private static final String SERVICE = "service";
    private static final String OPERATION = "operation";

    private final MeterRegistry registry;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The meters of an endpoint: in the registry given (the meterRegistry option), else the one bound in the Camel
     * registry (Spring Boot's, or one bound as camel-micrometer does); null when there is none.
     */
    public static MicrometerMetrics of(Object meterRegistry, CamelContext camelContext) {
        MeterRegistry registry = meterRegistry instanceof MeterRegistry given ? given : boundRegistry(camelContext);
        return registry != null ? new MicrometerMetrics(registry) : null;
    }

    /**
     * The one registry bound; of several, the composite among them: Spring Boot with more than one registry (Prometheus
     * and OTLP, say) binds each and a composite of them all, and recording in the composite reaches every one once.
     */
    private static MeterRegistry boundRegistry(CamelContext camelContext) {
        Set<MeterRegistry> bound = camelContext.getRegistry().findByType(MeterRegistry.class);
        if (bound.size() == 1) {
            return bound.iterator().next();
        }
        return bound.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
    }

    @Override
    public CallMetrics forOperation(String service, String operation) {
        return new OperationMeters(Tags.of(SERVICE, service, OPERATION, operation));
    }

    @Override
    public void rateOf(String service, String operation, AdaptiveRateLimiter limiter) {
        // every endpoint of the context that calls this operation of this service shares the limiter: its gauge is
        // registered by the first (Micrometer warns of, and ignores, a second registration)
        if (registry.find(RATE_LIMIT).tags(SERVICE, service, OPERATION, operation).gauge() != null) {
            return;
        }
        Gauge.builder(RATE_LIMIT, limiter, l -> {
            double rate = l.currentRate(System.nanoTime());
            return Double.isInfinite(rate) ? Double.NaN : rate;
        }).tags(SERVICE, service, OPERATION, operation)
                .description("The learned rate of the operation, calls per second; NaN while the service has not"
                        + " throttled")
                .register(registry);
    }

    @Override
    public void poolOf(String service, String endpoint, Object pool) {
        gauges(Tags.of(SERVICE, service, "endpoint", endpoint),
                (ConnPoolControl<?>) pool);
    }

    @Override
    public ChatMetrics forChats(String service, String endpoint, IntSupplier chatsFollowed, IntSupplier itemsWaiting) {
        return new ChatMeters(Tags.of(SERVICE, service, "endpoint", endpoint), chatsFollowed, itemsWaiting);
    }

    private void gauges(Tags tags, ConnPoolControl<?> pool) {
        Gauge.builder("connectparticipant.http.connections.leased", pool, p -> p.getTotalStats().getLeased())
                .tags(tags).description("HTTP connections in use").register(registry);
        Gauge.builder("connectparticipant.http.connections.available", pool, p -> p.getTotalStats().getAvailable())
                .tags(tags).description("Idle HTTP connections in the pool").register(registry);
        Gauge.builder("connectparticipant.http.connections.pending", pool, p -> p.getTotalStats().getPending())
                .tags(tags).description("Requests waiting for an HTTP connection").register(registry);
    }

    private final class OperationMeters implements CallMetrics {

        /** The service and the operation, on every meter. */
        private final Tags operationTags;
        private final Timer attempts;
        private final Counter retries;
        private final Counter throttles;
        private final Timer capacityWaits;
        /** The meters of a success, the common case, made once: no lookup on the hot path. */
        private final Counter successes;
        private final Timer successDurations;
        private final Map<String, Counter> callsByOutcome = new ConcurrentHashMap<>();
        private final Map<String, Timer> durationsByOutcome = new ConcurrentHashMap<>();

        OperationMeters(Tags operationTags) {
            this.operationTags = operationTags;
            this.attempts = Timer.builder("connectparticipant.attempt.duration").tags(operationTags)
                    .description("One HTTP attempt, from sending to the answer").register(registry);
            this.retries = Counter.builder("connectparticipant.retries").tags(operationTags)
                    .description("Attempts after the first of a call (throttled, failed, or held through an outage)")
                    .register(registry);
            this.throttles = Counter.builder("connectparticipant.throttles").tags(operationTags)
                    .description("Attempts the service throttled (HTTP 429), absorbed by the learned rate or retried")
                    .register(registry);
            this.capacityWaits = Timer.builder("connectparticipant.capacity.wait").tags(operationTags)
                    .description("Time a call waited for capacity: its turn at the rate, a Retry-After, an outage")
                    .register(registry);
            this.successes = counter(SUCCESS, "none");
            this.successDurations = duration(SUCCESS);
        }

        private Counter counter(String outcome, String errorCode) {
            return Counter.builder("connectparticipant.calls").tags(operationTags).tag("outcome", outcome)
                    .tag("error_code", errorCode).description("Calls, each with its retries and waits, by outcome")
                    .register(registry);
        }

        private Timer duration(String outcome) {
            return Timer.builder("connectparticipant.call.duration").tags(operationTags).tag("outcome", outcome)
                    .description("A whole call: its attempts, retries and waits for capacity")
                    .publishPercentileHistogram().register(registry);
        }

        @Override
        public void attempt(long nanos) {
            attempts.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void retry() {
            retries.increment();
        }

        @Override
        public void throttled() {
            throttles.increment();
        }

        @Override
        public void waitedForCapacity(long nanos) {
            if (nanos > 0) {
                capacityWaits.record(nanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void call(String outcome, String errorCode, long nanos) {
            if (SUCCESS.equals(outcome)) {
                successes.increment();
                successDurations.record(nanos, TimeUnit.NANOSECONDS);
                return;
            }
            callsByOutcome.computeIfAbsent(outcome + '\u0000' + errorCode, key -> counter(outcome, errorCode))
                    .increment();
            durationsByOutcome.computeIfAbsent(outcome, this::duration).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private final class ChatMeters implements ChatMetrics {

        private final Counter items;
        private final Timer lateness;
        private final Counter gapReads;
        private final List<Meter> gauges;

        ChatMeters(Tags tags, IntSupplier chatsFollowed, IntSupplier itemsWaiting) {
            this.items = Counter.builder("connectparticipant.chat.items").tags(tags)
                    .description("Chat items handed to the route").register(registry);
            this.lateness = Timer.builder("connectparticipant.chat.handoff.latency").tags(tags)
                    .description("From a chat item's AbsoluteTime to the route").publishPercentileHistogram()
                    .register(registry);
            this.gapReads = Counter.builder("connectparticipant.chat.gap.reads").tags(tags)
                    .description("Gaps read from the transcript: after a reconnect or a restart, or items let go"
                            + " under the memory bound")
                    .register(registry);
            // the gauges read the consumer that registered them, and go when it stops (a restarted one registers anew)
            this.gauges = List.of(
                    Gauge.builder("connectparticipant.chats.followed", chatsFollowed, IntSupplier::getAsInt)
                            .tags(tags).description("Chats followed").strongReference(true).register(registry),
                    Gauge.builder("connectparticipant.chat.items.waiting", itemsWaiting, IntSupplier::getAsInt)
                            .tags(tags).description("Chat items held for the route (bounded by maxItemsWaiting)")
                            .strongReference(true).register(registry));
        }

        @Override
        public void handedOn(Instant absoluteTime) {
            items.increment();
            // zero when the service's clock is ahead of this one
            Duration sinceSent = Duration.between(absoluteTime, Instant.now());
            lateness.record(sinceSent.isNegative() ? Duration.ZERO : sinceSent);
        }

        @Override
        public void gapRead() {
            gapReads.increment();
        }

        @Override
        public void close() {
            gauges.forEach(registry::remove);
        }
    }
}
