package io.github.connectparticipant.kafka;

import java.util.Map;

import io.github.connectparticipant.reliability.RouteProcess;

/**
 * routes/kafka-to-connectparticipant.yaml in a JVM of its own, as a deployed consumer runs it: args simulator URL,
 * connection token, Kafka bootstrap servers. It prints STARTED once the route consumes.
 */
public final class KafkaConsumerProcess {

    private KafkaConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        RouteProcess.run("kafka-to-connectparticipant.yaml", args[0], args[1], Map.of(
                "kafka.brokers", args[2],
                "kafka.consumers", "2",
                // the broker gives a dead consumer's partitions to the next one after this
                "kafka.sessionTimeoutMs", "6000",
                "redelivery.delay", "50"));
    }
}
