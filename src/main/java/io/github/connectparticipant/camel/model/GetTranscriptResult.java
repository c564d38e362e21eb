package io.github.connectparticipant.camel.model;

import java.util.List;
import java.util.Map;

/**
 * The body after getTranscript: the items (messages and events, each as the service's JSON object, a Map a route can
 * split), the initial contact id, and the token of the next page (null after the last page, and always null with
 * transcriptAllPages, which reads every page into one list).
 */
public class GetTranscriptResult extends ServiceCallResult {

    private final String initialContactId;
    private final List<Map<String, Object>> transcript;
    private final String nextToken;
    private final int pages;

    public GetTranscriptResult(String initialContactId, List<Map<String, Object>> transcript, String nextToken,
            int pages, String requestId) {
        super(requestId);
        this.initialContactId = initialContactId;
        this.transcript = List.copyOf(transcript);
        this.nextToken = nextToken;
        this.pages = pages;
    }

    public String getInitialContactId() {
        return initialContactId;
    }

    /** The items, in the service's order: Id, Type, ContentType, Content, AbsoluteTime, ParticipantRole, ... */
    public List<Map<String, Object>> getTranscript() {
        return transcript;
    }

    public String getNextToken() {
        return nextToken;
    }

    /** How many pages (calls) the items came from. */
    public int getPages() {
        return pages;
    }

    @Override
    public String toString() {
        return "GetTranscriptResult{items=" + transcript.size() + ", pages=" + pages + ", nextToken="
                + (nextToken != null) + ", requestId=" + getRequestId() + "}";
    }
}
