package io.github.connectparticipant.camel.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * One attempt of one call to the Participant Service over the endpoint's pooled HTTP client: the request on the wire
 * exactly as the AWS SDK sends it, and the answer read into a request id or a {@link ServiceCallFailure}.
 */
public final class ParticipantServiceClient {

    public static final String BEARER_HEADER = "X-Amz-Bearer";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    /** A body larger than this is cut: answers are a few hundred bytes, and of an error only the message is of use. */
    private static final int MAX_BODY = 64 * 1024;
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient httpClient;
    private final URI serviceRoot;
    /** Each operation's URI, made once. */
    private final Map<ServiceOperation, URI> uris = new HashMap<>();

    /** @param operations the operations this client calls */
    public ParticipantServiceClient(CloseableHttpClient httpClient, String serviceBaseUrl,
            Collection<? extends ServiceOperation> operations) {
        this.httpClient = httpClient;
        this.serviceRoot = URI.create(serviceBaseUrl + "/");
        for (ServiceOperation operation : operations) {
            uris.put(operation, URI.create(serviceBaseUrl + operation.path()));
        }
    }

    /** A successful answer: the request id, and the body's JSON object (null when it has none or was not read). */
    public record ServiceAnswer(String requestId, JsonNode body) {
    }

    /**
     * One attempt of a call: a POST of its body, or a GET of its path segment, with its bearer token.
     *
     * @param readResult false for an operation whose result is empty (CompleteAttachmentUpload's {}): its body is
     *                   drained without a copy
     */
    public ServiceAnswer call(ServiceRequest request, boolean readResult) throws ServiceCallFailure {
        URI uri = uris.get(request.operation());
        ClassicHttpRequest http;
        if ("GET".equals(request.operation().method())) {
            http = new HttpGet(URI.create(uri + pathSegment(request.pathSegment())));
        } else {
            HttpPost post = new HttpPost(uri);
            post.setEntity(new ByteArrayEntity(request.body(), JSON));
            http = post;
        }
        http.setHeader(BEARER_HEADER, request.bearer());
        return execute(http, readResult);
    }

    /** RFC 3986: everything but unreserved characters percent-encoded, as the AWS SDK encodes a path parameter. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A").replace("%7E", "~");
    }

    /**
     * Whether the service answers at all: a GET of its root, with no token, which any live service refuses.
     *
     * @return the HTTP status of the answer
     */
    public int probe() throws ServiceCallFailure {
        try {
            return httpClient.execute(new HttpGet(serviceRoot), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.noAnswer(e);
        }
    }

    private ServiceAnswer execute(ClassicHttpRequest request, boolean readResult) throws ServiceCallFailure {
        Object answer;
        try {
            answer = httpClient.execute(request, response -> readAnswer(response, readResult));
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.noAnswer(e);
        }
        if (answer instanceof ServiceCallFailure failure) {
            throw failure;
        }
        return (ServiceAnswer) answer;
    }

    /** The answer on success, the failure otherwise; the entity is consumed either way. */
    private static Object readAnswer(ClassicHttpResponse response, boolean readResult) throws IOException {
        int status = response.getCode();
        String requestId = headerValue(response, REQUEST_ID_HEADER);
        HttpEntity entity = response.getEntity();
        if (status >= 200 && status < 300) {
            if (readResult && entity != null) {
                return new ServiceAnswer(requestId, ParticipantJson.readTreeQuietly(readAtMost(entity, MAX_BODY)));
            }
            // CompleteAttachmentUpload's result is {}: drained without a copy, so that the connection returns to the
            // pool
            EntityUtils.consume(entity);
            return new ServiceAnswer(requestId, null);
        }
        byte[] body = entity != null ? readAtMost(entity, MAX_BODY) : null;
        return ServiceErrorReader.read(status, headerValue(response, ERROR_TYPE_HEADER), requestId,
                headerValue(response, RETRY_AFTER_HEADER), body);
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header != null ? header.getValue() : null;
    }

    /** At most limit bytes of an answer's body; the rest is drained, so that the connection can be reused. */
    public static byte[] readAtMost(HttpEntity entity, int limit) throws IOException {
        try (InputStream in = entity.getContent()) {
            // what is over the limit is left to close(), which drains it
            return in.readNBytes(limit);
        }
    }
}
