package io.github.connectparticipant.kafka;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * routes/kafka-to-connectparticipant.yaml in a JVM of its own, as a deployed consumer runs it: args simulator URL,
 * connection token, Kafka bootstrap servers. It prints STARTED once the route consumes.
 */
public final class KafkaConsumerProcess {

    private KafkaConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:routes/kafka-to-connectparticipant.yaml");
        main.addInitialProperty("participant.url", args[0]);
        main.addInitialProperty("participant.connection.token", args[1]);
        main.addInitialProperty("kafka.brokers", args[2]);
        main.addInitialProperty("kafka.consumers", "2");
        // the broker gives a dead consumer's partitions to the next one after this
        main.addInitialProperty("kafka.sessionTimeoutMs", "6000");
        main.addInitialProperty("redelivery.delay", "50");
        main.addMainListener(new MainListenerSupport() {

            @Override
            public void afterStart(BaseMainSupport started) {
                System.out.println("STARTED");
            }
        });
        main.run();
    }
}
