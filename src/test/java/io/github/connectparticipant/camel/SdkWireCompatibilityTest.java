package io.github.connectparticipant.camel;

import java.net.URI;
import java.util.List;

import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.AccessDeniedException;
import software.amazon.awssdk.services.connectparticipant.model.CompleteAttachmentUploadRequest;
import software.amazon.awssdk.services.connectparticipant.model.GetAttachmentRequest;
import software.amazon.awssdk.services.connectparticipant.model.StartAttachmentUploadRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official AWS SDK for Java v2 and the component, pointed at the same simulator with the same input, put the same
 * request on the wire; and the simulator's errors read in the SDK as the service's do.
 */
class SdkWireCompatibilityTest extends SimulatorTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes("direct:complete", COMPLETE);
    }

    /** The SDK's client on the simulator: anonymous credentials (no signature), no retries. */
    static ConnectParticipantClient sdk() {
        return ConnectParticipantClient.builder()
                .endpointOverride(URI.create(simulator.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @Test
    void componentSendsWhatTheSdkSends() {
        try (ConnectParticipantClient sdk = sdk()) {
            sdk.completeAttachmentUpload(CompleteAttachmentUploadRequest.builder()
                    .attachmentIds("sdk-1").clientToken("same-token").connectionToken(CONNECTION_TOKEN).build());
        }
        template.sendBodyAndHeader("direct:complete", "sdk-2", ConnectParticipantConstants.CLIENT_TOKEN, "same-token");

        Ledger.Call bySdk = simulator.ledger().callsFor("sdk-1").get(0);
        Ledger.Call byComponent = simulator.ledger().callsFor("sdk-2").get(0);
        assertEquals(bySdk.operation(), byComponent.operation());
        assertEquals(bySdk.contentType(), byComponent.contentType());
        assertEquals(bySdk.body().replace("sdk-1", "sdk-2"), byComponent.body());
        assertTrue(bySdk.bearerKnown() && byComponent.bearerKnown());
        assertFalse(bySdk.authorization() || byComponent.authorization(), "neither signs the request");
        assertEquals(200, bySdk.status());
        assertEquals(200, byComponent.status());
    }

    @Test
    void startAndGetAttachmentBodiesAreTheSdks() throws Exception {
        String sdkAttachmentId;
        try (ConnectParticipantClient sdk = sdk()) {
            sdkAttachmentId = sdk.startAttachmentUpload(StartAttachmentUploadRequest.builder()
                    .contentType("image/png").attachmentSizeInBytes(1234L).attachmentName("a.png")
                    .clientToken("start-token").connectionToken(CONNECTION_TOKEN).build()).attachmentId();
        }
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:start").to("connectparticipant:startAttachmentUpload?connectionToken=RAW("
                        + CONNECTION_TOKEN + ")");
                from("direct:get").to("connectparticipant:getAttachment?connectionToken=RAW(" + CONNECTION_TOKEN
                        + ")&urlExpiryInSeconds=120");
            }
        });
        template.send("direct:start", e -> {
            e.getMessage().setHeader(ConnectParticipantConstants.ATTACHMENT_NAME, "a.png");
            e.getMessage().setHeader(ConnectParticipantConstants.ATTACHMENT_SIZE, 1234L);
            e.getMessage().setHeader(ConnectParticipantConstants.CLIENT_TOKEN, "start-token");
        });
        List<Ledger.Call> starts = simulator.ledger().calls().stream()
                .filter(c -> c.operation().equals("/participant/start-attachment-upload")).toList();
        assertEquals(2, starts.size());
        assertEquals(starts.get(0).body(), starts.get(1).body(), "the same request body, member for member");

        try (ConnectParticipantClient sdk = sdk()) {
            assertThrows(software.amazon.awssdk.services.connectparticipant.model.ValidationException.class,
                    () -> sdk.getAttachment(GetAttachmentRequest.builder().attachmentId(sdkAttachmentId)
                            .urlExpiryInSeconds(120).connectionToken(CONNECTION_TOKEN).build()));
        }
        template.send("direct:get", e -> e.getMessage().setBody(sdkAttachmentId));
        List<Ledger.Call> gets = simulator.ledger().calls().stream()
                .filter(c -> c.operation().equals("/participant/attachment")).toList();
        assertEquals(2, gets.size());
        assertEquals(gets.get(0).body(), gets.get(1).body());
    }

    @Test
    void namesThatNeedEscapingAreWrittenAsTheSdkWritesThem() {
        // quote, backslash, non-ASCII, a character JavaScript would escape, and one outside the BMP
        String name = "r\u00e9sum\u00e9 \"v2\" \\ \u2028 \ud83d\ude00.png";
        try (ConnectParticipantClient sdk = sdk()) {
            sdk.startAttachmentUpload(StartAttachmentUploadRequest.builder()
                    .contentType("image/png").attachmentSizeInBytes(10L).attachmentName(name)
                    .clientToken("escape-token").connectionToken(CONNECTION_TOKEN).build());
        }
        template.send("connectparticipant:startAttachmentUpload?connectionToken=RAW(" + CONNECTION_TOKEN + ")", e -> {
            e.getMessage().setHeader(ConnectParticipantConstants.ATTACHMENT_NAME, name);
            e.getMessage().setHeader(ConnectParticipantConstants.ATTACHMENT_SIZE, 10L);
            e.getMessage().setHeader(ConnectParticipantConstants.CLIENT_TOKEN, "escape-token");
        });
        List<Ledger.Call> starts = simulator.ledger().calls().stream()
                .filter(c -> c.operation().equals("/participant/start-attachment-upload")).toList();
        assertEquals(2, starts.size());
        assertTrue(starts.get(0).body().contains("\\uD83D\\uDE00"), starts.get(0).body());
        assertEquals(starts.get(0).body(), starts.get(1).body());
    }

    @Test
    void sdkReadsTheSimulatorsErrorsAsTheServices() {
        try (ConnectParticipantClient sdk = sdk()) {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> sdk.completeAttachmentUpload(CompleteAttachmentUploadRequest.builder()
                            .attachmentIds("sdk-3").clientToken("t").connectionToken("unknown").build()));
            assertEquals(403, denied.statusCode());
            assertFalse(denied.requestId() == null || denied.requestId().isEmpty());
            assertTrue(denied.awsErrorDetails().errorMessage().contains("sufficient access"));
        }
    }
}
