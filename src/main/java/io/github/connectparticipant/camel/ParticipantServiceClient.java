package io.github.connectparticipant.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
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
final class ParticipantServiceClient {

    static final String COMPLETE_ATTACHMENT_UPLOAD_PATH = "/participant/complete-attachment-upload";
    static final String BEARER_HEADER = "X-Amz-Bearer";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    static final String RETRY_AFTER_HEADER = "Retry-After";

    /** An error body larger than this is cut: only its message is of use. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient httpClient;
    private final URI serviceRoot;
    private final URI completeAttachmentUploadUri;

    ParticipantServiceClient(CloseableHttpClient httpClient, String serviceBaseUrl) {
        this.httpClient = httpClient;
        this.serviceRoot = URI.create(serviceBaseUrl + "/");
        this.completeAttachmentUploadUri = URI.create(serviceBaseUrl + COMPLETE_ATTACHMENT_UPLOAD_PATH);
    }

    /**
     * Whether the service answers at all: a GET of its root, with no token, which any live service refuses.
     *
     * @return the HTTP status of the answer
     */
    int probe() throws ServiceCallFailure {
        try {
            return httpClient.execute(new HttpGet(serviceRoot), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.noAnswer(e);
        }
    }

    /** @return the service's request id */
    String completeAttachmentUpload(String attachmentId, String clientToken, String connectionToken)
            throws ServiceCallFailure {
        HttpPost post = new HttpPost(completeAttachmentUploadUri);
        post.setHeader(BEARER_HEADER, connectionToken);
        post.setEntity(new ByteArrayEntity(ParticipantJson.completeAttachmentUploadBody(attachmentId, clientToken), JSON));
        return send(post);
    }

    private String send(HttpPost post) throws ServiceCallFailure {
        Object answer;
        try {
            answer = httpClient.execute(post, ParticipantServiceClient::readAnswer);
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.noAnswer(e);
        }
        if (answer instanceof ServiceCallFailure failure) {
            throw failure;
        }
        return (String) answer;
    }

    /** The request id on success, the failure otherwise; the entity is consumed either way. */
    private static Object readAnswer(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        String requestId = headerValue(response, REQUEST_ID_HEADER);
        HttpEntity entity = response.getEntity();
        if (status >= 200 && status < 300) {
            // the result is {}: drained without a copy, so that the connection returns to the pool
            EntityUtils.consume(entity);
            return requestId;
        }
        byte[] body = entity != null ? readAtMost(entity, MAX_ERROR_BODY) : null;
        return ServiceErrorReader.read(status, headerValue(response, ERROR_TYPE_HEADER), requestId,
                headerValue(response, RETRY_AFTER_HEADER), body);
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header != null ? header.getValue() : null;
    }

    private static byte[] readAtMost(HttpEntity entity, int limit) throws IOException {
        try (InputStream in = entity.getContent()) {
            // what is over the limit is left to close(), which drains it
            return in.readNBytes(limit);
        }
    }
}
