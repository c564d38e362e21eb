package io.github.connectparticipant.camel.client;

import javax.net.ssl.SSLContext;

/**
 * What the service client is made with: the endpoint's options that concern the connection and its calls, read once
 * at start-up (the shape builds them from its configuration; the client knows nothing of Camel's).
 *
 * @param serviceBaseUrl the service's base URL, regional or overridden
 * @param sslContext     the TLS context, or null for the JVM's default
 * @param proxyHost      a proxy, or null for none
 * @param rateLimit      a fixed cap in calls a second, 0 for none
 * @param adaptive       whether the calls follow the rate learned from throttling
 */
public record ClientSettings(String serviceBaseUrl, long connectTimeoutMillis, long responseTimeoutMillis,
        int maxConnections, SSLContext sslContext, String proxyProtocol, String proxyHost,
        int proxyPort, double rateLimit, boolean adaptive) {
}
