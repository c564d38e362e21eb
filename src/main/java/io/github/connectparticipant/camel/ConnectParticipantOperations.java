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
    sendAttachment,

    /** Makes a connection token (and, on request, a websocket URL) from a participant token. */
    createParticipantConnection,

    /** Sends a chat message: the body is its content. */
    sendMessage,

    /** Sends an event, such as typing or a read receipt. */
    sendEvent,

    /** Reads the chat's transcript, a page or all of it. */
    getTranscript,

    /** Disconnects the participant from the chat. */
    disconnectParticipant,

    /** Reads a view (an interactive message's form) by its view token. */
    describeView,

    /** Asks for the URL that authenticates the customer in the chat. */
    getAuthenticationUrl,

    /** Cancels a customer authentication that was started. */
    cancelParticipantAuthentication
}
