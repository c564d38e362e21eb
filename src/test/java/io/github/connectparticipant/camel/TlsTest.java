package io.github.connectparticipant.camel;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS to the service with Camel's sslContextParameters: a simulator on HTTPS with a self-signed certificate is
 * reached when the trust store holds it, and refused (for good, not retried) when it does not.
 */
class TlsTest extends CamelTestSupport {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path folder;
    static Path keyStore;
    static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void startHttpsSimulator() throws Exception {
        keyStore = folder.resolve("simulator.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "simulator", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                () -> "keytool failed: " + new String(readAll(keytool)));

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        simulator = ParticipantServiceSimulator.start("127.0.0.1", 0, 8, tls)
                .acceptConnectionTokens(SimulatorTestSupport.CONNECTION_TOKEN);
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keyStore);
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters trusting = new SSLContextParameters();
        trusting.setTrustManagers(trust);
        context.getRegistry().bind("trustSimulator", trusting);

        return new RouteBuilder() {

            @Override
            public void configure() {
                String to = "connectparticipant:completeAttachmentUpload?connectionToken=RAW("
                        + SimulatorTestSupport.CONNECTION_TOKEN + ")&uriEndpointOverride=" + simulator.baseUrl();
                from("direct:trusting").to(to + "&sslContextParameters=#trustSimulator");
                from("direct:default").to(to);
            }
        };
    }

    @Test
    void reachesAnHttpsServiceWithTheGivenTrustStore() {
        assertTrue(simulator.baseUrl().startsWith("https://"));
        Exchange exchange = template.send("direct:trusting", e -> e.getMessage().setBody("tls-1"));
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertTrue(simulator.ledger().isCompleted("tls-1"));
    }

    @Test
    void anUntrustedCertificateFailsAtOnce() {
        Exchange exchange = template.send("direct:default", e -> e.getMessage().setBody("tls-2"));
        ConnectParticipantException failure = SimulatorTestSupport.failureOf(exchange);
        assertEquals("SSLHandshakeException", failure.getErrorCode());
        assertFalse(failure.isRetryable());
        assertEquals(1, failure.getAttempts());
        assertEquals(List.of(), simulator.ledger().callsFor("tls-2"));
    }
}
