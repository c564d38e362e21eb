package io.github.connectparticipant.camel.model;

import java.time.Instant;

/**
 * The body after getAttachment: where the attachment downloads from, until when, and its size.
 */
public class GetAttachmentResult {

    private final String attachmentId;
    private final String url;
    private final Instant urlExpiry;
    private final Long attachmentSizeInBytes;
    private final String requestId;

    public GetAttachmentResult(String attachmentId, String url, Instant urlExpiry, Long attachmentSizeInBytes,
                               String requestId) {
        this.attachmentId = attachmentId;
        this.url = url;
        this.urlExpiry = urlExpiry;
        this.attachmentSizeInBytes = attachmentSizeInBytes;
        this.requestId = requestId;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    /** The pre-signed URL the attachment downloads from. */
    public String getUrl() {
        return url;
    }

    public Instant getUrlExpiry() {
        return urlExpiry;
    }

    /** The attachment's size, when the service gives it. */
    public Long getAttachmentSizeInBytes() {
        return attachmentSizeInBytes;
    }

    public String getRequestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return "GetAttachmentResult[" + attachmentId + ", expires " + urlExpiry + ", " + attachmentSizeInBytes
               + " bytes]";
    }
}
