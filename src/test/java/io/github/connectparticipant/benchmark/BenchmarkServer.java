package io.github.connectparticipant.benchmark;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The benchmark's server, in a JVM of its own so that its work and allocations are not the client's: HttpCore 5's
 * classic server on loopback, answering every call as the service answers a CompleteAttachmentUpload, 200 {} with a
 * request id. It prints its port and runs until its standard input closes.
 */
public final class BenchmarkServer {

    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = ServerBootstrap.bootstrap()
                .setLocalAddress(InetAddress.getLoopbackAddress())
                .setListenerPort(0)
                // requests name the server by this address; any other authority is answered 421
                .setCanonicalHostName("127.0.0.1")
                .setSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoKeepAlive(true).build())
                .register("*", (request, response, context) -> {
                    EntityUtils.consume(request.getEntity());
                    response.setCode(200);
                    response.addHeader("x-amzn-RequestId", "6f0e2a4c-0000-4000-8000-000000000000");
                    response.setEntity(new ByteArrayEntity(EMPTY_RESULT, ContentType.APPLICATION_JSON));
                })
                .create();
        server.start();
        System.out.println("PORT " + server.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the benchmark closes our standard input
        }
        server.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
        server.awaitTermination(org.apache.hc.core5.util.TimeValue.of(5, TimeUnit.SECONDS));
    }
}
