package io.github.connectparticipant.camel.client;

/**
 * One call of an operation as the families ask for it: the JSON body (or, for a GET, the path segment after the
 * operation's path), the bearer token, and what a failure says it was about.
 *
 * @param bearer       the connection token, or for CreateParticipantConnection the participant token; never in a
 *                     failure's message
 * @param subject      what the call concerns, named after the operation in a failure ("of attachment 'a-1'"), or null
 * @param attachmentId the attachment the call concerns, or null
 */
public record ServiceRequest(ServiceOperation operation, byte[] body, String pathSegment, String bearer,
        String subject, String attachmentId) {

    /** A POST of the operation with this body. */
    public static ServiceRequest post(ServiceOperation operation, byte[] body, String bearer) {
        return new ServiceRequest(operation, body, null, bearer, null, null);
    }

    /** A GET of the operation's path followed by this segment. */
    public static ServiceRequest get(ServiceOperation operation, String pathSegment, String bearer) {
        return new ServiceRequest(operation, null, pathSegment, bearer, null, null);
    }

    /** The same call, about this attachment (a failure names it and carries its id). */
    public ServiceRequest aboutAttachment(String id) {
        return new ServiceRequest(operation, body, pathSegment, bearer, "attachment '" + id + "'", id);
    }

    /** The same call, about this (a file's name, say). */
    public ServiceRequest about(String what) {
        return new ServiceRequest(operation, body, pathSegment, bearer, what, attachmentId);
    }

    /** "SendMessage", "GetAttachment of attachment 'a-1'": what a failure says failed. */
    public String description() {
        return subject == null ? operation.serviceName() : operation.serviceName() + " of " + subject;
    }
}
