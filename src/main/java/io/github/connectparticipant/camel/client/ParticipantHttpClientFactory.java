package io.github.connectparticipant.camel.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the endpoint's pooled HTTP client from its options, and the chat consumer's websocket client from the same.
 */
public final class ParticipantHttpClientFactory {

    private static final String USER_AGENT = "camel-connectparticipant";

    private ParticipantHttpClientFactory() {
    }

    /** The endpoint's client and its connection pool (whose leased, available and pending connections are metered). */
    public record PooledClient(CloseableHttpClient client,
            org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager pool) {
    }

    public static PooledClient create(ClientSettings settings) {
        Timeout connectTimeout = Timeout.ofMilliseconds(settings.connectTimeoutMillis());
        Timeout responseTimeout = Timeout.ofMilliseconds(settings.responseTimeoutMillis());

        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setConnectionFactory(BearerSafeConnection.FACTORY)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(responseTimeout)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }

        org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager pool = connections.build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectTimeout)
                        .setResponseTimeout(responseTimeout)
                        .build())
                // The producer owns retries: HttpClient's own would resend with no backoff we control and would
                // silently wait out Retry-After on a 429.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictExpiredConnections()
                .setUserAgent(USER_AGENT);
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyProtocol(), settings.proxyHost(), settings.proxyPort()));
        }
        return new PooledClient(builder.build(), pool);
    }

    /**
     * The JDK client the chat consumer opens the participant's websocket with (HttpClient 5 has no websocket client):
     * the endpoint's connect timeout, TLS context and proxy, as its calls have them. The JDK client logs nothing unless
     * its own jdk.httpclient.HttpClient.log system property asks it to.
     */
    public static java.net.http.HttpClient createWebSocketClient(ClientSettings settings) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis()));
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        if (settings.proxyHost() != null) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(settings.proxyHost(),
                    settings.proxyPort())));
        }
        return builder.build();
    }

    /**
     * A client connection that never writes its headers or bytes to a log. HttpClient's own connection logs every
     * request header, X-Amz-Bearer included, at DEBUG on org.apache.hc.client5.http.headers (and the raw bytes on
     * .wire): turning those loggers on would leak the connection token.
     */
    static final class BearerSafeConnection extends DefaultBHttpClientConnection
            implements
                ManagedHttpClientConnection {

        public static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
            BearerSafeConnection connection = new BearerSafeConnection();
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };

        private volatile Timeout activeSocketTimeout;

        public BearerSafeConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder != null ? holder.getSocket() : null;
        }

        @Override
        public void passivate() {
            activeSocketTimeout = getSocketTimeout();
            setSocketTimeout(Timeout.DISABLED);
        }

        @Override
        public void activate() {
            if (activeSocketTimeout != null) {
                setSocketTimeout(activeSocketTimeout);
            }
        }
    }
}
