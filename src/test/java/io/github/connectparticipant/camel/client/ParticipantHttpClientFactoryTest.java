package io.github.connectparticipant.camel.client;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The chat consumer's websocket client goes the way the calls go: their connect timeout, TLS context and proxy. */
class ParticipantHttpClientFactoryTest {

    private static ClientSettings settings(SSLContext tls, String proxyHost, int proxyPort) {
        return new ClientSettings("https://participant.connect.eu-central-1.amazonaws.com", 4000, 30000, 50, tls,
                "http", proxyHost, proxyPort, 0, true);
    }

    @Test
    void theWebSocketClientTakesTheEndpointsTlsContextAndProxy() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, null, null);
        HttpClient client = ParticipantHttpClientFactory.createWebSocketClient(settings(tls, "proxy.example", 3128));
        assertSame(tls, client.sslContext());
        assertEquals(Duration.ofMillis(4000), client.connectTimeout().orElseThrow());
        // the JDK's opening handshake asks for the proxy of the socket's URL with wss as https
        List<Proxy> proxies = client.proxy().orElseThrow().select(URI.create("https://socket.example/connect"));
        assertEquals(1, proxies.size());
        InetSocketAddress address = (InetSocketAddress) proxies.get(0).address();
        assertEquals("proxy.example", address.getHostString());
        assertEquals(3128, address.getPort());
    }

    @Test
    void withoutAProxyTheWebSocketGoesDirect() {
        HttpClient client = ParticipantHttpClientFactory.createWebSocketClient(settings(null, null, -1));
        assertFalse(client.proxy().isPresent());
    }
}
