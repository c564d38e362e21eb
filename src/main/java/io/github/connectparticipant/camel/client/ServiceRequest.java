package io.github.connectparticipant.camel.client;

/**
 * One call of an operation as the families ask for it: the JSON body (or, for a GET, the path segment after the
 * operation's path), the bearer token, and what a failure says it was about (put into words only when needed).
 *
 * @param bearer       the connection token, or for CreateParticipantConnection the participant token; never in a
 *                     failure's message
 * @param about        what the call concerns besides an attachment (a file's name), or null
 * @param attachmentId the attachment the call concerns, or null
 */
public record ServiceRequest(ServiceOperation operation, byte[] body, String pathSegment, String bearer, String about,
        String attachmentId) {

    /** A POST of the operation with this body. */
    public static ServiceRequest post(ServiceOperation operation, byte[] body, String bearer) {
        return new ServiceRequest(operation, body, null, bearer, null, null);
    }

    /** A POST about one attachment: a failure names it and carries its id. */
    public static ServiceRequest postForAttachment(ServiceOperation operation, byte[] body, String bearer,
            String attachmentId) {
        return new ServiceRequest(operation, body, null, bearer, null, attachmentId);
    }

    /** A POST about something a failure should name (a file, say). */
    public static ServiceRequest postAbout(ServiceOperation operation, byte[] body, String bearer, String about) {
        return new ServiceRequest(operation, body, null, bearer, about, null);
    }

    /** A GET of the operation's path followed by this segment. */
    public static ServiceRequest get(ServiceOperation operation, String pathSegment, String bearer) {
        return new ServiceRequest(operation, null, pathSegment, bearer, null, null);
    }

    /** "SendMessage", "GetAttachment of attachment 'a-1'": what a failure says failed. */
    public String description() {
        if (attachmentId != null) {
            return operation.serviceName() + " of attachment '" + attachmentId + "'";
        }
        return about == null ? operation.serviceName() : operation.serviceName() + " of " + about;
    }

    /** The description, for a log line written only when its level is on. */
    @Override
    public String toString() {
        return description();
    }
}
