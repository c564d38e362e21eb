package io.github.connectparticipant.camel.model;

/**
 * The body after sendAttachment: the attachment the service now holds, and the request ids of its calls (the
 * request id is CompleteAttachmentUpload's, the call that made the attachment the chat's).
 */
public class SendAttachmentResult extends ServiceCallResult {

    private final String attachmentId;
    private final String attachmentName;
    private final long attachmentSizeInBytes;
    private final String contentType;
    private final String startRequestId;
    private final String completeRequestId;

    public SendAttachmentResult(String attachmentId, String attachmentName, long attachmentSizeInBytes,
            String contentType, String startRequestId, String completeRequestId) {
        super(completeRequestId);
        this.attachmentId = attachmentId;
        this.attachmentName = attachmentName;
        this.attachmentSizeInBytes = attachmentSizeInBytes;
        this.contentType = contentType;
        this.startRequestId = startRequestId;
        this.completeRequestId = completeRequestId;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public long getAttachmentSizeInBytes() {
        return attachmentSizeInBytes;
    }

    public String getContentType() {
        return contentType;
    }

    /** The request id of the StartAttachmentUpload call that handed out the attachment id. */
    public String getStartRequestId() {
        return startRequestId;
    }

    /** The request id of the CompleteAttachmentUpload call. */
    public String getCompleteRequestId() {
        return completeRequestId;
    }

    @Override
    public String toString() {
        return "SendAttachmentResult[" + attachmentId + ", " + attachmentName + ", " + attachmentSizeInBytes
                + " bytes, " + contentType + "]";
    }
}
