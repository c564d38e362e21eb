package io.github.connectparticipant.sqs;

import java.util.Map;

import io.github.connectparticipant.demo.EmbeddedSqs;
import io.github.connectparticipant.reliability.RouteProcess;

/**
 * routes/sqs-to-connectparticipant.yaml in a JVM of its own, as a deployed consumer runs it: args simulator URL,
 * connection token, SQS endpoint. Its AWS credentials come from the default provider chain (system properties here).
 * It prints STARTED once the route consumes.
 */
public final class SqsConsumerProcess {

    private SqsConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedSqs.useLocalCredentials();
        RouteProcess.run("sqs-to-connectparticipant.yaml", args[0], args[1], Map.of(
                "sqs.url", args[2],
                "sqs.consumers", "2",
                "sqs.waitTimeSeconds", "1",
                "redelivery.delay", "50"));
    }
}
