package io.github.connectparticipant.routes;

import java.nio.file.Path;
import java.time.Duration;

import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.demo.NeedsEmbeddedBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * routes/queue-to-connectparticipant.yaml, as shipped, against the simulator and a real embedded Artemis broker (one
 * for the test class, reached in the JVM at vm://0).
 */
@NeedsEmbeddedBroker
public abstract class QueueRouteTestSupport extends RouteTestSupport {

    protected static EmbeddedBroker broker;

    @TempDir
    static Path brokerData;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(brokerData, 0);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected String routeFile() {
        return "queue-to-connectparticipant.yaml";
    }

    /**
     * Waits until the queue is empty (a message leaves it when its consumer commits, a moment after the service saw
     * its last call), and asserts that it is.
     */
    protected static void awaitEmpty(String queue) throws Exception {
        awaitEmpty(broker, queue);
    }

    /** The same on another broker. */
    public static void awaitEmpty(EmbeddedBroker broker, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (broker.messageCount(queue) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, broker.messageCount(queue), "nothing left on " + queue);
    }

    /** The JMS component on the embedded broker; a subclass that adds more calls this first. */
    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        builder.getContext().addComponent("jms", JmsComponent.jmsComponent(new ActiveMQJMSConnectionFactory("vm://0")));
    }
}
