package io.github.connectparticipant.demo;

import java.util.List;

import io.github.connectparticipant.camel.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.ConnectParticipantException;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Sends attachment ids through the component to the embedded simulator and prints each outcome: one that completes
 * after a throttled first attempt, one the service refuses, and one message the component refuses before sending.
 */
public final class SendOneAttachment {

    private SendOneAttachment() {
    }

    public static void main(String[] args) throws Exception {
        String connectionToken = "demo-connection-token";
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0);
             CamelContext camel = new DefaultCamelContext()) {
            simulator.acceptConnectionTokens(connectionToken).refuseAttachmentIds("attachment-refused");
            simulator.faults().scriptFor("attachment-1", Fault.throttle());
            camel.getPropertiesComponent().addInitialProperty("participant.token", connectionToken);
            camel.getPropertiesComponent().addInitialProperty("participant.url", simulator.baseUrl());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:complete").to("connectparticipant:completeAttachmentUpload"
                                               + "?connectionToken=RAW({{participant.token}})"
                                               + "&uriEndpointOverride={{participant.url}}");
                }
            });
            camel.start();
            System.out.println("Participant Service simulator at " + simulator.baseUrl());
            ProducerTemplate template = camel.createProducerTemplate();
            for (Object body : List.of("attachment-1", "attachment-refused", "{\"AttachmentIds\":[]}")) {
                Exchange exchange = template.send("direct:complete", e -> e.getMessage().setBody(body));
                print(body, exchange);
            }
            System.out.println("Simulator ledger: " + simulator.ledger().callCount() + " calls, completed "
                               + simulator.ledger().completed().keySet());
        }
    }

    private static void print(Object body, Exchange exchange) {
        if (exchange.getException() instanceof ConnectParticipantException failure) {
            System.out.printf("FAILED    %-26s %s (HTTP %d, retryable %s): %s%n", body, failure.getErrorCode(),
                    failure.getStatusCode(), failure.isRetryable(), failure.getMessage());
        } else if (exchange.getException() != null) {
            System.out.printf("FAILED    %-26s %s%n", body, exchange.getException());
        } else {
            CompleteAttachmentUploadResult result = exchange.getMessage().getBody(CompleteAttachmentUploadResult.class);
            for (CompleteAttachmentUploadResult.CompletedAttachment attachment : result.getAttachments()) {
                System.out.printf("COMPLETED %-26s client token %s, request id %s%n", attachment.getAttachmentId(),
                        attachment.getClientToken(), attachment.getRequestId());
            }
        }
    }
}
