package io.github.connectparticipant.camel.attachments;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.client.ServiceResults;
import io.github.connectparticipant.camel.model.GetAttachmentResult;

/**
 * GetAttachment: where a completed attachment downloads from (a pre-signed URL) and until when.
 */
public final class AttachmentDownloads {

    private final ServiceCalls calls;

    public AttachmentDownloads(ServiceCalls calls) {
        this.calls = calls;
    }

    /**
     * @param getAttachment      the operation, GetAttachment
     * @param attachmentId       a checked id (see RequestLimits.checkAttachmentIds)
     * @param urlExpiryInSeconds how long the URL should last, or null for the service's default
     */
    public GetAttachmentResult get(ServiceOperation getAttachment, String attachmentId, Integer urlExpiryInSeconds,
            String connectionToken, CallContext context) {
        return calls.call(ServiceRequest.postForAttachment(getAttachment,
                ParticipantJson.getAttachmentBody(attachmentId, urlExpiryInSeconds), connectionToken, attachmentId),
                answer -> ServiceResults.attachment(attachmentId, answer.body(), answer.requestId()), context);
    }
}
