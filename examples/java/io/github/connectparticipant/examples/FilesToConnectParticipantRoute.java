package io.github.connectparticipant.examples;

import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.camel.ConnectParticipantException;
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL twin of routes/files-to-connectparticipant.yaml: files of attachment ids from an inbox to the
 * Participant Service; done files to {{inbox.doneFolder}}, failed ones to {{inbox.deadLetterFolder}} with a
 * <file>.reason.json beside them. Permanent failures go at once, retryable ones after {{redelivery.maximum}}
 * redeliveries. Same properties as the YAML route.
 */
public class FilesToConnectParticipantRoute extends RouteBuilder {

    private static final String OUTCOME_FOLDER = "connectParticipantOutcomeFolder";

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("direct:connectparticipant-files-dead-letter").useOriginalMessage());

        onException(ConnectParticipantException.class)
                // while retryWhile is evaluated, CamelRedeliveryCounter already counts the redelivery to come
                .retryWhile(simple(
                        "${exception.retryable} == true && ${header.CamelRedeliveryCounter} <= {{redelivery.maximum:2}}"))
                .redeliveryDelay("{{redelivery.delay:1000}}")
                .useExponentialBackOff();
        // each failed attempt is logged at DEBUG (Camel's default): the dead-letter route logs a message that failed
        // for good once, with its whole reason

        from("file:{{inbox.folder:inbox}}?move=${exchangeProperty." + OUTCOME_FOLDER + "}/${file:name}"
                + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=500&readLockMinLength=0")
                .routeId("files-to-connectparticipant")
                .setProperty(OUTCOME_FOLDER, constant("{{inbox.doneFolder:.done}}"))
                // a redelivered or re-read file repeats its calls with the same client tokens
                .setHeader(ConnectParticipantConstants.IDEMPOTENCY_KEY, simple("file:${file:name}"))
                .to("connectparticipant:completeAttachmentUpload?connectionToken=RAW({{participant.connection.token}})"
                        + "&region={{participant.region:us-east-1}}&uriEndpointOverride={{?participant.url}}")
                .log("files: ${header.CamelFileName} completed ${body.attachments.size()} attachment(s)");

        from("direct:connectparticipant-files-dead-letter")
                .routeId("files-to-connectparticipant-dead-letter")
                .setProperty(OUTCOME_FOLDER, constant("{{inbox.deadLetterFolder:.deadletter}}"))
                .bean(ConnectParticipantFailureHeaders.class)
                .setBody(method(ConnectParticipantFailureHeaders.class, "describe"))
                .to("file:{{inbox.folder:inbox}}/{{inbox.deadLetterFolder:.deadletter}}?fileName=${file:name}.reason.json")
                .log(org.apache.camel.LoggingLevel.WARN,
                        "files: ${header.CamelFileName} dead-lettered: ${header."
                                + ConnectParticipantFailureHeaders.ERROR_MESSAGE + "}");
    }
}
