package io.github.connectparticipant.camel.metrics;

import java.util.function.IntSupplier;

import io.github.connectparticipant.camel.client.AdaptiveRateLimiter;
import io.github.connectparticipant.camel.client.CallMetrics;
import org.apache.camel.CamelContext;

/**
 * Where an endpoint's meters go, found once when it starts: Micrometer's registry when Micrometer is on the class path
 * and a MeterRegistry is given or bound, else nothing ({@link #find} answers null and the calls use
 * {@link CallMetrics#NONE}). This type names no Micrometer class, so that the component runs without Micrometer.
 */
public interface Metering {

    /**
     * What the calls to this operation of this service (its base URL) record: each meter tagged with both, so that an
     * application that calls two services (two regions, say) keeps their figures apart.
     */
    CallMetrics forOperation(String service, String operation);

    /**
     * A gauge of the learned rate of one operation of one service (its base URL), registered once however many
     * endpoints share that rate.
     */
    void rateOf(String service, String operation, AdaptiveRateLimiter limiter);

    /** Gauges of an endpoint's HTTP pool (an HttpClient 5 ConnPoolControl). */
    void poolOf(String service, String endpoint, Object pool);

    /**
     * The meters of a chat consumer of an endpoint (its id) calling a service (its base URL): items handed on, their
     * lateness, gaps read, and gauges of the chats followed and the items waiting for the route.
     */
    ChatMetrics forChats(String service, String endpoint, IntSupplier chatsFollowed, IntSupplier itemsWaiting);

    /**
     * The metering of an endpoint, or null.
     *
     * @param meterRegistry the meterRegistry option (a MeterRegistry), or null to look one up in the Camel registry
     */
    static Metering find(Object meterRegistry, CamelContext camelContext) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Metering.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            // by name, once at start-up: this interface must not link Micrometer's types
            return (Metering) Class.forName("io.github.connectparticipant.camel.metrics.MicrometerMetrics")
                    .getMethod("of", Object.class, CamelContext.class).invoke(null, meterRegistry, camelContext);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Micrometer is on the class path but its metering could not start", e);
        }
    }
}
