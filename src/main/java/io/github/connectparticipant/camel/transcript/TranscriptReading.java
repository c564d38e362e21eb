package io.github.connectparticipant.camel.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.client.TranscriptQuery;
import io.github.connectparticipant.camel.model.GetTranscriptResult;

/**
 * GetTranscript: one page, or every page (following NextToken to the last) into one list, the query checked against
 * the service model's limits before it is sent.
 */
public final class TranscriptReading {

    /** A guard against a service that never stops handing out next tokens. */
    static final int MAX_PAGES = 10_000;
    private static final Set<String> SCAN_DIRECTIONS = Set.of("FORWARD", "BACKWARD");
    private static final Set<String> SORT_ORDERS = Set.of("ASCENDING", "DESCENDING");
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final ServiceCalls calls;

    public TranscriptReading(ServiceCalls calls) {
        this.calls = calls;
    }

    public GetTranscriptResult read(ServiceOperation getTranscript, TranscriptQuery query, String nextToken,
            boolean allPages, String connectionToken, CallContext context) {
        check(query, nextToken);
        List<Map<String, Object>> items = new ArrayList<>();
        String initialContactId = null;
        String requestId = null;
        String page = nextToken;
        int pages = 0;
        do {
            ParticipantServiceClient.ServiceAnswer answer = calls.call(ServiceRequest.post(getTranscript,
                    ParticipantJson.getTranscriptBody(query, page), connectionToken), ServiceCalls.ANSWER, context);
            pages++;
            requestId = answer.requestId();
            JsonNode body = answer.body();
            if (initialContactId == null) {
                initialContactId = ServiceCalls.text(body, "InitialContactId");
            }
            JsonNode transcript = body != null ? body.get("Transcript") : null;
            if (transcript != null && transcript.isArray()) {
                for (JsonNode item : transcript) {
                    items.add(ParticipantJson.MAPPER.convertValue(item, ITEM));
                }
            }
            page = ServiceCalls.text(body, "NextToken");
        } while (allPages && page != null && pages < MAX_PAGES);
        return new GetTranscriptResult(initialContactId, items, allPages ? null : page, pages, requestId);
    }

    private static void check(TranscriptQuery query, String nextToken) {
        RequestLimits.checkText("ContactId", query.contactId(), 1, 256, false);
        RequestLimits.checkRange("MaxResults", query.maxResults(), 0, 100);
        RequestLimits.checkText("NextToken", nextToken, 1, 1000, false);
        RequestLimits.checkOneOf("ScanDirection", query.scanDirection(), SCAN_DIRECTIONS);
        RequestLimits.checkOneOf("SortOrder", query.sortOrder(), SORT_ORDERS);
        int positions = (query.startPositionId() != null ? 1 : 0)
                + (query.startPositionAbsoluteTime() != null ? 1 : 0)
                + (query.startPositionMostRecent() != null ? 1 : 0);
        if (positions > 1) {
            throw RequestLimits.invalid("give one start position at most: an id, an absolute time or most recent");
        }
        RequestLimits.checkText("StartPosition.Id", query.startPositionId(), 1, 256, false);
        RequestLimits.checkText("StartPosition.AbsoluteTime", query.startPositionAbsoluteTime(), 1, 100, false);
        RequestLimits.checkRange("StartPosition.MostRecent", query.startPositionMostRecent(), 0, 100);
    }
}
