package io.github.connectparticipant.camel;

/**
 * The operations of the Amazon Connect Participant Service that the component performs, as named in the URI path.
 */
public enum ConnectParticipantOperations {

    /** Confirms that an attachment was uploaded with the pre-signed URL that StartAttachmentUpload returned. */
    completeAttachmentUpload,

    /** Asks for an attachment id and a pre-signed URL to upload a file to. */
    startAttachmentUpload,

    /** Asks for a download URL of a completed attachment. */
    getAttachment,

    /** The whole flow from a file or bytes: start, upload to the pre-signed URL, complete. */
    sendAttachment
}
