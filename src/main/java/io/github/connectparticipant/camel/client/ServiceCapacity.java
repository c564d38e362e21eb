package io.github.connectparticipant.camel.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the producers of one Camel context know of the capacity of the services they call, held by the component:
 * a {@link RetryBudget} per service (base URL) and an {@link AdaptiveRateLimiter} per operation of each, so that
 * every producer calling the same operation of the same service shares one learned rate and one outage; and the
 * connection tokens made from participant tokens ({@link ConnectionTokenCache}), and the pace of the chat consumers'
 * connections ({@link CallPacer}), per service.
 */
public final class ServiceCapacity {

    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, AdaptiveRateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, ConnectionTokenCache> connectionTokens = new ConcurrentHashMap<>();
    private final Map<String, CallPacer> chatConnections = new ConcurrentHashMap<>();

    /** The gate for an endpoint's calls to one operation, with the endpoint's own settings. */
    public CallGate gate(ClientSettings settings, ServiceOperation operation, CallMetrics metrics) {
        String serviceBaseUrl = settings.serviceBaseUrl();
        return new CallGate(budget(serviceBaseUrl), limiter(serviceBaseUrl, operation), settings.rateLimit(),
                settings.adaptive(), metrics);
    }

    /** The learned rate of one operation of one service. */
    public AdaptiveRateLimiter limiter(String serviceBaseUrl, ServiceOperation operation) {
        return limiters.computeIfAbsent(serviceBaseUrl + operation.path(), key -> new AdaptiveRateLimiter());
    }

    /** The connection tokens made from participant tokens for this service. */
    public ConnectionTokenCache connectionTokens(String serviceBaseUrl) {
        return connectionTokens.computeIfAbsent(serviceBaseUrl, url -> new ConnectionTokenCache());
    }

    /** The pace of the connections the chat consumers of this service make (CreateParticipantConnection). */
    public CallPacer chatConnections(String serviceBaseUrl) {
        return chatConnections.computeIfAbsent(serviceBaseUrl, url -> new CallPacer());
    }

    public RetryBudget budget(String serviceBaseUrl) {
        return budgets.computeIfAbsent(serviceBaseUrl, url -> new RetryBudget());
    }
}
