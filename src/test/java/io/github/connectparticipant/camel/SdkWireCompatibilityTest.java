package io.github.connectparticipant.camel;

import java.net.URI;

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

    private static ConnectParticipantClient sdk() {
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
