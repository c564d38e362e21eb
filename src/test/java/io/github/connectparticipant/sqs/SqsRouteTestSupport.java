package io.github.connectparticipant.sqs;

import java.util.Properties;

import io.github.connectparticipant.demo.EmbeddedSqs;
import io.github.connectparticipant.routes.RouteTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * routes/sqs-to-connectparticipant.yaml, as shipped, on a real SQS server (ElasticMQ in the test JVM) with the queues
 * the route names by default, its credentials from the default provider chain.
 */
abstract class SqsRouteTestSupport extends RouteTestSupport {

    static final String QUEUE = "attachments";
    static final String DEAD_LETTER_QUEUE = "attachments-dlq";

    static EmbeddedSqs sqs;

    @BeforeAll
    static void startSqs() {
        EmbeddedSqs.useLocalCredentials();
        sqs = EmbeddedSqs.start();
        sqs.createQueues(30, QUEUE, DEAD_LETTER_QUEUE);
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @Override
    protected String routeFile() {
        return "sqs-to-connectparticipant.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("sqs.url", sqs.endpoint());
        // a stopping context waits out a receive's long poll: short polls keep the test's shutdown short
        properties.setProperty("sqs.waitTimeSeconds", "1");
    }
}
