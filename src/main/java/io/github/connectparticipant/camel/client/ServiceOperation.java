package io.github.connectparticipant.camel.client;

/**
 * What the client needs of an operation to call it: the service's name of it (which failures and the meters'
 * operation tag use), the HTTP method and the path. The component's operations
 * (io.github.connectparticipant.camel.ConnectParticipantOperations) are the implementations.
 */
public interface ServiceOperation {

    /** The service's name of the operation, e.g. SendMessage. */
    String serviceName();

    /** GET or POST. */
    String method();

    /** The path it is called at; for a GET, its parameter follows as one more path segment. */
    String path();
}
