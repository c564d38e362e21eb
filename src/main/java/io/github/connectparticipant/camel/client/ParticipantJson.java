package io.github.connectparticipant.camel.client;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The component's one JSON mapper, for what it reads, and the request bodies it writes exactly as the AWS SDK does.
 */
public final class ParticipantJson {

    /** Deep enough for any body the component reads; deeper input is refused rather than walked. */
    public static final int MAX_NESTING_DEPTH = 32;

    public static final ObjectMapper MAPPER;

    static {
        JsonMapper mapper = JsonMapper.builder()
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // {"AttachmentIds":["a"]}} is not JSON, even though its start is
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        MAPPER = mapper;
    }

    private ParticipantJson() {
    }

    /** {"AttachmentIds":["id"],"ClientToken":"token"}: compact, these two members only. */
    public static byte[] completeAttachmentUploadBody(String attachmentId, String clientToken) {
        return new JsonRequestWriter()
                .singleStringArray("AttachmentIds", attachmentId)
                .string("ClientToken", clientToken)
                .toBytes();
    }

    /** {"ContentType":...,"AttachmentSizeInBytes":...,"AttachmentName":...,"ClientToken":...}, the SDK's order. */
    public static byte[] startAttachmentUploadBody(String contentType, long size, String name, String clientToken) {
        return new JsonRequestWriter()
                .string("ContentType", contentType)
                .number("AttachmentSizeInBytes", size)
                .string("AttachmentName", name)
                .string("ClientToken", clientToken)
                .toBytes();
    }

    /** {"AttachmentId":...,"UrlExpiryInSeconds":...}, the second member only when given. */
    public static byte[] getAttachmentBody(String attachmentId, Integer urlExpiryInSeconds) {
        JsonRequestWriter body = new JsonRequestWriter().string("AttachmentId", attachmentId);
        if (urlExpiryInSeconds != null) {
            body.number("UrlExpiryInSeconds", urlExpiryInSeconds);
        }
        return body.toBytes();
    }

    /** The body as JSON, or null when it is empty or not JSON (a 503 from a load balancer, say). */
    public static JsonNode readTreeQuietly(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }
}
