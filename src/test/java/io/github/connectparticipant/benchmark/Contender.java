package io.github.connectparticipant.benchmark;

/**
 * One way to make the same CompleteAttachmentUpload call.
 */
interface Contender extends AutoCloseable {

    String name();

    /** One call, start to answer; throws when the call fails. */
    void call(int thread) throws Exception;
}
