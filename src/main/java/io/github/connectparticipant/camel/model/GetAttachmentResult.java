package io.github.connectparticipant.camel.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The body after getAttachment: where the attachment downloads from, until when, and its size.
 */
public class GetAttachmentResult extends ServiceCallResult {

    private final String attachmentId;
    private final String url;
    private final Instant urlExpiry;
    private final Long attachmentSizeInBytes;

    public GetAttachmentResult(String attachmentId, String url, Instant urlExpiry, Long attachmentSizeInBytes,
            String requestId) {
        super(requestId);
        this.attachmentId = attachmentId;
        this.url = url;
        this.urlExpiry = urlExpiry;
        this.attachmentSizeInBytes = attachmentSizeInBytes;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    /** The pre-signed URL the attachment downloads from. */
    public String getUrl() {
        return url;
    }

    /** ISO 8601 in JSON (Instant.toString), whether or not the ObjectMapper knows java.time. */
    @JsonSerialize(using = ToStringSerializer.class)
    public Instant getUrlExpiry() {
        return urlExpiry;
    }

    /** The attachment's size, when the service gives it. */
    public Long getAttachmentSizeInBytes() {
        return attachmentSizeInBytes;
    }

    @Override
    public String toString() {
        return "GetAttachmentResult[" + attachmentId + ", expires " + urlExpiry + ", " + attachmentSizeInBytes
                + " bytes]";
    }
}
