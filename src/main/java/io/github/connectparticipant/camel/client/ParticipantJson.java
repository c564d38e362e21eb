package io.github.connectparticipant.camel.client;

import java.io.IOException;
import java.util.List;

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

    /** SendMessage and SendEvent: {"ContentType":...,"Content":...,"ClientToken":...}, Content only when given. */
    public static byte[] chatItemBody(String contentType, String content, String clientToken) {
        return new JsonRequestWriter().string("ContentType", contentType).stringIfGiven("Content", content)
                .string("ClientToken", clientToken).toBytes();
    }

    /** DisconnectParticipant: {"ClientToken":...}. */
    public static byte[] disconnectParticipantBody(String clientToken) {
        return new JsonRequestWriter().string("ClientToken", clientToken).toBytes();
    }

    /** CreateParticipantConnection: {"Type":[...],"ConnectParticipant":...}, the second only when set. */
    public static byte[] createParticipantConnectionBody(List<String> types, Boolean connectParticipant) {
        JsonRequestWriter body = new JsonRequestWriter().stringArray("Type", types);
        if (connectParticipant != null) {
            body.bool("ConnectParticipant", connectParticipant);
        }
        return body.toBytes();
    }

    /** GetTranscript: the members given, in the model's order, StartPosition as an object of the one given. */
    public static byte[] getTranscriptBody(TranscriptQuery query, String nextToken) {
        JsonRequestWriter body = new JsonRequestWriter()
                .stringIfGiven("ContactId", query.contactId())
                .numberIfGiven("MaxResults", query.maxResults())
                .stringIfGiven("NextToken", nextToken)
                .stringIfGiven("ScanDirection", query.scanDirection())
                .stringIfGiven("SortOrder", query.sortOrder());
        if (query.hasStartPosition()) {
            body.beginObject("StartPosition")
                    .stringIfGiven("Id", query.startPositionId())
                    .stringIfGiven("AbsoluteTime", query.startPositionAbsoluteTime())
                    .numberIfGiven("MostRecent", query.startPositionMostRecent())
                    .endObject();
        }
        return body.toBytes();
    }

    /** GetAuthenticationUrl: {"SessionId":...,"RedirectUri":...}. */
    public static byte[] getAuthenticationUrlBody(String sessionId, String redirectUri) {
        return new JsonRequestWriter().string("SessionId", sessionId).string("RedirectUri", redirectUri).toBytes();
    }

    /** CancelParticipantAuthentication: {"SessionId":...}. */
    public static byte[] cancelParticipantAuthenticationBody(String sessionId) {
        return new JsonRequestWriter().string("SessionId", sessionId).toBytes();
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
