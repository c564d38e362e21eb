package io.github.connectparticipant.demo;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Apache ActiveMQ Artemis broker inside this JVM, for the demo and tests: persistent under a folder, reached in
 * the JVM at vm://0 and, when a port is given, over TCP on 127.0.0.1.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Where messages go that the broker itself gave up on after its delivery attempts; none are dropped. */
    public static final String BROKER_DEAD_LETTER_ADDRESS = "DLQ";
    /** Where expired messages go. */
    public static final String BROKER_EXPIRY_ADDRESS = "ExpiryQueue";

    /**
     * Why the broker does not start on this Java, when it does not: Artemis 2.40 (the newest on Maven Central here)
     * calls {@code Subject.getSubject} while it starts, which Java 24 and later no longer support.
     */
    public static final String UNSUPPORTED_JAVA = "the embedded Artemis broker (2.40) does not start on Java 24 and"
            + " later (it calls Subject.getSubject, which they no longer support): run it on Java 17 or 21, or use a"
            + " broker of your own (the demo: -Ddemo.broker.embedded=false)";
    /** The first Java on which Subject.getSubject throws UnsupportedOperationException (JEP 486). */
    private static final int FIRST_JAVA_WITHOUT_GET_SUBJECT = 24;

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    private EmbeddedBroker() {
    }

    /** Whether the broker starts on the Java this runs on: see {@link #UNSUPPORTED_JAVA}. */
    public static boolean startsOnThisJava() {
        return Runtime.version().feature() < FIRST_JAVA_WITHOUT_GET_SUBJECT;
    }

    /**
     * @param dataFolder where the journal lives
     * @param tcpPort    0 for no TCP acceptor
     */
    public static EmbeddedBroker start(Path dataFolder, int tcpPort) throws Exception {
        return start(dataFolder, tcpPort > 0 ? "tcp://127.0.0.1:" + tcpPort : null);
    }

    /**
     * A broker with a TCP acceptor on a port the system chooses (no other process can take it between choosing and
     * binding); {@link #tcpPort()} tells which.
     */
    public static EmbeddedBroker startOnAnyTcpPort(Path dataFolder) throws Exception {
        return start(dataFolder, "tcp://127.0.0.1:0");
    }

    private static EmbeddedBroker start(Path dataFolder, String tcpAcceptor) throws Exception {
        if (!startsOnThisJava()) {
            throw new IllegalStateException(UNSUPPORTED_JAVA + "; this is Java " + Runtime.version().feature());
        }
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dataFolder.resolve("journal").toString())
                .setBindingsDirectory(dataFolder.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataFolder.resolve("large-messages").toString())
                .setPagingDirectory(dataFolder.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        if (tcpAcceptor != null) {
            configuration.addAcceptorConfiguration("tcp", tcpAcceptor);
        }
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(BROKER_DEAD_LETTER_ADDRESS))
                .setExpiryAddress(SimpleString.of(BROKER_EXPIRY_ADDRESS))
                .setMaxDeliveryAttempts(10)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.server.setConfiguration(configuration);
        broker.server.start();
        return broker;
    }

    /** The port the TCP acceptor is bound to; -1 without one. */
    public int tcpPort() {
        return server.getActiveMQServer().getRemotingService().getAcceptor("tcp") instanceof NettyAcceptor acceptor
                ? acceptor.getActualPort()
                : -1;
    }

    /** Messages in the queue, delivered or not yet acknowledged; 0 for a queue that does not exist. */
    public long messageCount(String queueName) {
        Queue queue = server.getActiveMQServer().locateQueue(SimpleString.of(queueName));
        return queue == null ? 0 : queue.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        // Artemis keeps JVM-wide, non-daemon client threads that idle for a minute after the broker stops; the
        // demo's JVM would wait for them before it could end
        InVMConnector.resetThreadPool();
        ActiveMQClient.clearThreadPools();
    }
}
