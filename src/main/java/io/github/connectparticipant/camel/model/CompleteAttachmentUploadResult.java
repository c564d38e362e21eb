package io.github.connectparticipant.camel.model;

import java.util.List;

/**
 * The body after a successful completeAttachmentUpload: each attachment the service confirmed, with the client token
 * and the request id of its call (the result's request id is the last call's). camel-jackson marshals it as
 * {"attachments":[{"attachmentId":"...","clientToken":"...","requestId":"...","attempts":1}],"requestId":"..."}.
 */
public class CompleteAttachmentUploadResult extends ServiceCallResult {

    private final List<CompletedAttachment> attachments;

    public CompleteAttachmentUploadResult(List<CompletedAttachment> attachments) {
        super(attachments.isEmpty() ? null : attachments.get(attachments.size() - 1).getRequestId());
        this.attachments = List.copyOf(attachments);
    }

    /** The completed attachments, in the order of the message's ids. */
    public List<CompletedAttachment> getAttachments() {
        return attachments;
    }

    @Override
    public String toString() {
        return "CompleteAttachmentUploadResult" + attachments;
    }

    /**
     * One attachment the service confirmed.
     */
    public static class CompletedAttachment {

        private final String attachmentId;
        private final String clientToken;
        private final String requestId;
        private final int attempts;

        public CompletedAttachment(String attachmentId, String clientToken, String requestId, int attempts) {
            this.attachmentId = attachmentId;
            this.clientToken = clientToken;
            this.requestId = requestId;
            this.attempts = attempts;
        }

        public String getAttachmentId() {
            return attachmentId;
        }

        /** The idempotency token the call carried; a repeat with it is safe. */
        public String getClientToken() {
            return clientToken;
        }

        /** The service's x-amzn-RequestId. */
        public String getRequestId() {
            return requestId;
        }

        /** How many attempts the call took; more than 1 when it was retried. */
        public int getAttempts() {
            return attempts;
        }

        @Override
        public String toString() {
            return "{" + attachmentId + ", clientToken=" + clientToken + ", requestId=" + requestId + ", attempts="
                    + attempts + "}";
        }
    }
}
