package io.github.connectparticipant.camel.client;

/**
 * The service's operations: the name the service gives each (which failures and the meters' operation tag use) and
 * the path it is called at.
 */
public enum ServiceOperation {

    COMPLETE_ATTACHMENT_UPLOAD("CompleteAttachmentUpload", "/participant/complete-attachment-upload"),
    START_ATTACHMENT_UPLOAD("StartAttachmentUpload", "/participant/start-attachment-upload"),
    GET_ATTACHMENT("GetAttachment", "/participant/attachment"),
    CREATE_PARTICIPANT_CONNECTION("CreateParticipantConnection", "/participant/connection"),
    SEND_MESSAGE("SendMessage", "/participant/message"),
    SEND_EVENT("SendEvent", "/participant/event"),
    GET_TRANSCRIPT("GetTranscript", "/participant/transcript"),
    DISCONNECT_PARTICIPANT("DisconnectParticipant", "/participant/disconnect"),
    /** A GET, the view token a path segment after the path. */
    DESCRIBE_VIEW("DescribeView", "/participant/views/"),
    GET_AUTHENTICATION_URL("GetAuthenticationUrl", "/participant/authentication-url"),
    CANCEL_PARTICIPANT_AUTHENTICATION("CancelParticipantAuthentication", "/participant/cancel-authentication");

    private final String serviceName;
    private final String path;

    ServiceOperation(String serviceName, String path) {
        this.serviceName = serviceName;
        this.path = path;
    }

    /** The service's name of the operation, e.g. SendMessage. */
    public String serviceName() {
        return serviceName;
    }

    public String path() {
        return path;
    }
}
