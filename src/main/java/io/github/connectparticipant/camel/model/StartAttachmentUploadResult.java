package io.github.connectparticipant.camel.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The body after startAttachmentUpload: the attachment id, and where and how to upload the bytes (a PUT to the URL,
 * with exactly the headers to include, before the URL expires), then completeAttachmentUpload with the id.
 */
public class StartAttachmentUploadResult extends ServiceCallResult {

    private final String attachmentId;
    private final String uploadUrl;
    private final Instant uploadUrlExpiry;
    private final Map<String, String> headersToInclude;

    public StartAttachmentUploadResult(String attachmentId, String uploadUrl, Instant uploadUrlExpiry,
            Map<String, String> headersToInclude, String requestId) {
        super(requestId);
        this.attachmentId = attachmentId;
        this.uploadUrl = uploadUrl;
        this.uploadUrlExpiry = uploadUrlExpiry;
        this.headersToInclude = headersToInclude;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    /** The pre-signed URL to PUT the bytes to (it carries its own authorization: send no bearer there). */
    public String getUploadUrl() {
        return uploadUrl;
    }

    /** ISO 8601 in JSON (Instant.toString), whether or not the ObjectMapper knows java.time. */
    @JsonSerialize(using = ToStringSerializer.class)
    public Instant getUploadUrlExpiry() {
        return uploadUrlExpiry;
    }

    /** The headers the upload must carry, exactly as given. */
    public Map<String, String> getHeadersToInclude() {
        return headersToInclude;
    }

    @Override
    public String toString() {
        return "StartAttachmentUploadResult[" + attachmentId + ", expires " + uploadUrlExpiry + "]";
    }
}
