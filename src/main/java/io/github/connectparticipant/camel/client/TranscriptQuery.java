package io.github.connectparticipant.camel.client;

/**
 * What GetTranscript asks for, every member optional: the contact, the page size, the direction and order, and at
 * most one start position.
 */
public record TranscriptQuery(String contactId, Integer maxResults, String scanDirection, String sortOrder,
        String startPositionId, String startPositionAbsoluteTime, Integer startPositionMostRecent) {

    public boolean hasStartPosition() {
        return startPositionId != null || startPositionAbsoluteTime != null || startPositionMostRecent != null;
    }
}
