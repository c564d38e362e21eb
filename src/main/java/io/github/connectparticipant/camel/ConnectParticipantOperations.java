package io.github.connectparticipant.camel;

/**
 * The operations of the Amazon Connect Participant Service that the component performs, as named in the URI path.
 */
public enum ConnectParticipantOperations {

    /** Confirms that an attachment was uploaded with the pre-signed URL that StartAttachmentUpload returned. */
    completeAttachmentUpload
}
