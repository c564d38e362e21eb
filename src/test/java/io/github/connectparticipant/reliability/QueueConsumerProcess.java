package io.github.connectparticipant.reliability;

import java.util.Map;

/**
 * routes/queue-to-connectparticipant.yaml in a JVM of its own, as a deployed consumer runs it: args simulator URL,
 * connection token, broker URL, concurrent consumers, and optionally the redelivery delay in milliseconds (50 unless
 * given). It prints STARTED once the route consumes.
 */
public final class QueueConsumerProcess {

    private QueueConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        RouteProcess.run("queue-to-connectparticipant.yaml", args[0], args[1], Map.of(
                "camel.beans.artemis", "#class:org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory",
                "camel.beans.artemis.brokerURL", args[2],
                "camel.component.jms.connection-factory", "#bean:artemis",
                "queue.consumers", args[3],
                "redelivery.delay", args.length > 4 ? args[4] : "50"));
    }
}
