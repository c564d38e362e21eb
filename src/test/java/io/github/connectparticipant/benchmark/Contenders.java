package io.github.connectparticipant.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.CompleteAttachmentUploadRequest;

/**
 * The contenders, each set up once and then called from many threads: the same request (one attachment id, a client
 * token, the bearer), the same pool size, the same server.
 */
final class Contenders {

    static final String TOKEN = "benchmark-connection-token";
    static final String ATTACHMENT_ID = "att-benchmark-0001";
    static final String CLIENT_TOKEN = "0b5c7a1e-9f3d-4c2b-8a6e-1d2f3a4b5c6d";
    static final int POOL = 64;
    static final String PATH = "/participant/complete-attachment-upload";

    private Contenders() {
    }

    static List<Contender> all(String baseUrl) throws Exception {
        return List.of(rawHttpClient(baseUrl), sdk(baseUrl), camelHttpRoute(baseUrl), componentTemplate(baseUrl),
                componentDirectRoute(baseUrl), componentWithMetrics(baseUrl), componentSedaRoute(baseUrl));
    }

    /** The practical ceiling: HttpClient 5 sending a prepared request body. */
    static Contender rawHttpClient(String baseUrl) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(POOL).setMaxConnPerRoute(POOL).build())
                .disableAutomaticRetries()
                .build();
        URI uri = URI.create(baseUrl + PATH);
        byte[] body = ("{\"AttachmentIds\":[\"" + ATTACHMENT_ID + "\"],\"ClientToken\":\"" + CLIENT_TOKEN + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ContentType json = ContentType.create("application/json");
        return new Contender() {

            @Override
            public String name() {
                return "raw HttpClient 5";
            }

            @Override
            public void call(int thread) throws Exception {
                HttpPost post = new HttpPost(uri);
                post.setHeader("X-Amz-Bearer", TOKEN);
                post.setEntity(new ByteArrayEntity(body, json));
                int status = client.execute(post, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status);
                }
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }

    /** The official AWS SDK for Java v2, with its Apache HTTP client and anonymous credentials (no signing). */
    static Contender sdk(String baseUrl) {
        ConnectParticipantClient client = sdkClient(baseUrl, null);
        CompleteAttachmentUploadRequest request = CompleteAttachmentUploadRequest.builder()
                .attachmentIds(ATTACHMENT_ID).clientToken(CLIENT_TOKEN).connectionToken(TOKEN).build();
        return new Contender() {

            @Override
            public String name() {
                return "AWS SDK v2 ConnectParticipantClient";
            }

            @Override
            public void call(int thread) {
                client.completeAttachmentUpload(request);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The SDK's client as the benchmark uses it, in a retry mode (null: the SDK's default). */
    static ConnectParticipantClient sdkClient(String baseUrl, RetryMode retryMode) {
        var builder = ConnectParticipantClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(POOL));
        if (retryMode != null) {
            builder.overrideConfiguration(o -> o.retryStrategy(retryMode));
        }
        return builder.build();
    }

    /** What a user would write by hand: a camel-http route that builds the JSON and sets the bearer. */
    static Contender camelHttpRoute(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(POOL);
        http.setConnectionsPerRoute(POOL);
        camel.addComponent("http", http);
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:complete")
                        .setBody(simple("{\"AttachmentIds\":[\"${body}\"],\"ClientToken\":\"" + CLIENT_TOKEN + "\"}"))
                        .setHeader("X-Amz-Bearer", constant(TOKEN))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(baseUrl.replace("http://", "http://") + PATH);
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return camelContender("hand-written camel-http route", camel, template, "direct:complete");
    }

    /** The component, called through a ProducerTemplate. */
    static Contender componentTemplate(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return camelContender("component (ProducerTemplate)", camel, template, componentUri(baseUrl));
    }

    /**
     * The component in a direct: route, called as the hand-written camel-http route is (a ProducerTemplate to a
     * direct: endpoint): like compared with like.
     */
    static Contender componentDirectRoute(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:complete").to(componentUri(baseUrl));
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return camelContender("component (direct: route)", camel, template, "direct:complete");
    }

    /** The component through a ProducerTemplate, recording its meters in a Micrometer registry. */
    static Contender componentWithMetrics(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("meters", new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return camelContender("component with Micrometer metrics", camel, template, componentUri(baseUrl));
    }

    /** The component in a route fed by a SEDA queue, the caller waiting for the reply. */
    static Contender componentSedaRoute(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("seda:attachments?concurrentConsumers=" + POOL).to(componentUri(baseUrl));
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return camelContender("component (route fed by SEDA)", camel, template, "seda:attachments");
    }

    private static String componentUri(String baseUrl) {
        return "connectparticipant:completeAttachmentUpload?connectionToken=RAW(" + TOKEN + ")&uriEndpointOverride="
                + baseUrl + "&maxConnections=" + POOL;
    }

    private static Contender camelContender(String name, CamelContext camel, ProducerTemplate template,
            String endpointUri) {
        org.apache.camel.Endpoint endpoint = camel.getEndpoint(endpointUri);
        return new Contender() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public void call(int thread) {
                request(template, endpoint, ATTACHMENT_ID);
            }

            @Override
            public void close() throws Exception {
                template.close();
                camel.close();
            }
        };
    }

    /** Sends the id through the endpoint and waits for the reply; throws when the exchange failed. */
    static void request(ProducerTemplate template, org.apache.camel.Endpoint endpoint, String attachmentId) {
        Exchange exchange = template.request(endpoint, e -> e.getMessage().setBody(attachmentId));
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
    }
}
