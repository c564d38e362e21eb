package io.github.connectparticipant.camel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.model.CancelParticipantAuthenticationResult;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.DescribeViewResult;
import io.github.connectparticipant.camel.model.DisconnectParticipantResult;
import io.github.connectparticipant.camel.model.GetAuthenticationUrlResult;
import io.github.connectparticipant.camel.model.GetTranscriptResult;
import io.github.connectparticipant.camel.model.SendEventResult;
import io.github.connectparticipant.camel.model.SendMessageResult;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every result marshals with camel-jackson's default mapper, as a route's marshal().json() does. */
class ResultsMarshalTest extends CamelTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:json").marshal().json(JsonLibrary.Jackson).convertBodyTo(String.class);
            }
        };
    }

    private String json(Object result) {
        return template.requestBody("direct:json", result, String.class);
    }

    @Test
    void resultsMarshalToJson() {
        Instant expiry = Instant.parse("2026-11-28T08:00:00Z");
        assertTrue(json(new SendMessageResult("m-1", "2026-11-27T08:00:00.000Z", "r-1")).contains("\"id\":\"m-1\""));
        assertTrue(json(new SendEventResult("e-1", "2026-11-27T08:00:00.000Z", "r-2")).contains("\"absoluteTime\""));
        assertTrue(json(new GetTranscriptResult("c-1", List.of(Map.of("Id", "i-1", "Content", "hi")), "n", 1, "r-3"))
                .contains("\"Content\":\"hi\""));
        String connection = json(new CreateParticipantConnectionResult("conn-token", expiry, "wss://x", expiry, "r-4"));
        assertTrue(connection.contains("\"connectionToken\":\"conn-token\"")
                && connection.contains("\"connectionExpiry\":\"2026-11-28T08:00:00Z\""), connection);
        assertTrue(
                json(new io.github.connectparticipant.camel.model.GetAttachmentResult("a-1", "https://dl", expiry, 10L,
                        "r-9")).contains("\"urlExpiry\":\"2026-11-28T08:00:00Z\""));
        assertTrue(json(new io.github.connectparticipant.camel.model.StartAttachmentUploadResult("a-2", "https://up",
                expiry, Map.of("Content-Type", "text/plain"), "r-10")).contains("\"uploadUrlExpiry\":\"2026-11-28"));
        assertTrue(json(new DescribeViewResult(Map.of("Name", "Form"), "r-5")).contains("\"Name\":\"Form\""));
        assertTrue(json(new GetAuthenticationUrlResult("https://auth", "r-6")).contains("https://auth"));
        assertTrue(json(new DisconnectParticipantResult("r-7")).contains("\"requestId\":\"r-7\""));
        assertTrue(json(new CancelParticipantAuthenticationResult("r-8")).contains("r-8"));
    }
}
