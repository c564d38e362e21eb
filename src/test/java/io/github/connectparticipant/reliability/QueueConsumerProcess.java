package io.github.connectparticipant.reliability;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * routes/queue-to-connectparticipant.yaml in a JVM of its own, as a deployed consumer runs it: args simulator URL,
 * connection token, broker URL, concurrent consumers, and optionally the redelivery delay in milliseconds (50 unless
 * given). It prints STARTED once the route consumes.
 */
public final class QueueConsumerProcess {

    private QueueConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:routes/queue-to-connectparticipant.yaml");
        main.addInitialProperty("participant.url", args[0]);
        main.addInitialProperty("participant.connection.token", args[1]);
        main.addInitialProperty("camel.beans.artemis",
                "#class:org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory");
        main.addInitialProperty("camel.beans.artemis.brokerURL", args[2]);
        main.addInitialProperty("camel.component.jms.connection-factory", "#bean:artemis");
        main.addInitialProperty("queue.consumers", args[3]);
        main.addInitialProperty("redelivery.delay", args.length > 4 ? args[4] : "50");
        main.addMainListener(new MainListenerSupport() {

            @Override
            public void afterStart(BaseMainSupport started) {
                System.out.println("STARTED");
            }
        });
        main.run();
    }
}
