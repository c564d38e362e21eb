package io.github.connectparticipant.camel.attachments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.ServiceCallFailure;
import io.github.connectparticipant.camel.client.StartedUpload;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * PUTs an attachment's bytes to the pre-signed URL StartAttachmentUpload handed out, with exactly the headers the
 * service asked for and no bearer token (that URL is storage, not the service). Storage errors come back as an XML
 * body with a Code, which becomes the failure's error code.
 */
public final class AttachmentUploader {

    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final CloseableHttpClient httpClient;

    public AttachmentUploader(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public void upload(StartedUpload started, AttachmentSource source) throws ServiceCallFailure {
        HttpPut put = new HttpPut(URI.create(started.url()));
        for (Map.Entry<String, String> header : started.headersToInclude().entrySet()) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(header.getKey())) {
                // HttpClient writes Content-Length from the entity; it must be what the service signed
                if (!header.getValue().equals(Long.toString(source.size()))) {
                    throw new ServiceCallFailure(400, "ContentLengthMismatch", "the upload URL was signed for "
                            + header.getValue() + " bytes, the attachment has " + source.size(), null, -1, null);
                }
            } else {
                put.setHeader(header.getKey(), header.getValue());
            }
        }
        put.setEntity(source.entity());
        ServiceCallFailure failure;
        try {
            failure = httpClient.execute(put, AttachmentUploader::readAnswer);
        } catch (IOException | RuntimeException e) {
            throw ServiceCallFailure.noAnswer(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ServiceCallFailure readAnswer(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            EntityUtils.consume(response.getEntity());
            return null;
        }
        String body = response.getEntity() == null
                ? ""
                : new String(ParticipantServiceClient.readAtMost(response.getEntity(), MAX_ERROR_BODY),
                        StandardCharsets.UTF_8);
        String code = element(body, "Code");
        String message = element(body, "Message");
        Header requestId = response.getFirstHeader("x-amz-request-id");
        return new ServiceCallFailure(status, code != null ? code : "Http" + status,
                message != null ? message : "HTTP " + status + " from the upload URL",
                requestId != null ? requestId.getValue() : element(body, "RequestId"), -1, null);
    }

    /** True for storage's answer to a URL past its expiry: start again for a fresh one. */
    public static boolean isExpired(ServiceCallFailure failure) {
        return failure.statusCode() == 403 && "AccessDenied".equals(failure.errorCode())
                && failure.getMessage() != null && failure.getMessage().toLowerCase(Locale.ROOT).contains("expired");
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < start ? null : xml.substring(start + name.length() + 2, end);
    }
}
