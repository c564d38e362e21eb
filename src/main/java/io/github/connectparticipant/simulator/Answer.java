package io.github.connectparticipant.simulator;

/** The simulator's answer to a well-formed call: a status, and the error or the result body. */
record Answer(int status, String errorType, String message, byte[] result) {

    static Answer validation(String message) {
        return new Answer(400, "ValidationException", "1 validation error detected: " + message, null);
    }

    static Answer ok(byte[] result) {
        return new Answer(200, null, null, result);
    }

    static Answer accessDenied() {
        return new Answer(403, "AccessDeniedException", "You do not have sufficient access to perform this action.",
                null);
    }
}
