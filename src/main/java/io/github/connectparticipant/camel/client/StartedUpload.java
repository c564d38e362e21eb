package io.github.connectparticipant.camel.client;

import java.time.Instant;
import java.util.Map;

/**
 * What StartAttachmentUpload answered: the attachment id, and where and how to upload its bytes.
 *
 * @param attachmentId     the id to complete once the bytes are uploaded
 * @param url              the pre-signed URL to PUT the bytes to
 * @param urlExpiry        when the URL stops working
 * @param headersToInclude the headers the PUT must carry, exactly
 * @param requestId        the service's request id
 */
public record StartedUpload(String attachmentId, String url, Instant urlExpiry, Map<String, String> headersToInclude,
        String requestId) {
}
