package io.github.connectparticipant.camel.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.model.GetAttachmentResult;

/**
 * Reads the results of StartAttachmentUpload and GetAttachment. A 200 whose body is not the result the API defines is
 * a fault of the service, reported as a failure that is not retryable.
 */
public final class ServiceResults {

    private ServiceResults() {
    }

    public static StartedUpload startedUpload(JsonNode body, String requestId) throws ServiceCallFailure {
        JsonNode json = result(body, requestId);
        JsonNode metadata = json.path("UploadMetadata");
        Map<String, String> headers = new LinkedHashMap<>();
        metadata.path("HeadersToInclude").fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new StartedUpload(required(json, "AttachmentId", requestId), required(metadata, "Url", requestId),
                instant(metadata, "UrlExpiry", requestId), Map.copyOf(headers), requestId);
    }

    public static GetAttachmentResult attachment(String attachmentId, JsonNode body, String requestId)
            throws ServiceCallFailure {
        JsonNode json = result(body, requestId);
        JsonNode size = json.get("AttachmentSizeInBytes");
        return new GetAttachmentResult(attachmentId, required(json, "Url", requestId),
                instant(json, "UrlExpiry", requestId),
                size != null && size.canConvertToLong() ? size.asLong() : null, requestId);
    }

    private static JsonNode result(JsonNode json, String requestId) throws ServiceCallFailure {
        if (json == null) {
            throw invalid("the answer is not a JSON object", requestId);
        }
        return json;
    }

    private static String required(JsonNode json, String member, String requestId) throws ServiceCallFailure {
        JsonNode value = json.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalid("the answer has no " + member, requestId);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode json, String member, String requestId) throws ServiceCallFailure {
        try {
            return Instant.parse(required(json, member, requestId));
        } catch (DateTimeParseException e) {
            throw invalid(member + " is not an ISO-8601 instant", requestId);
        }
    }

    private static ServiceCallFailure invalid(String problem, String requestId) {
        return new ServiceCallFailure(200, "InvalidResponse", "The service answered 200, but " + problem, requestId,
                -1, null);
    }
}
