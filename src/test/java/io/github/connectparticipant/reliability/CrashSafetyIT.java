package io.github.connectparticipant.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two consumer JVMs on one Artemis broker in a JVM of its own; one consumer is killed with SIGKILL while messages are
 * in flight, then restarted, and the other stopped, so that the restarted one must drain the queue. Nothing may be
 * lost, and each id must be completed under a single client token.
 */
class CrashSafetyIT {

    static final int MESSAGES = 400;
    static final String TOKEN = "crash-token";

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();
    private ParticipantServiceSimulator simulator;

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
        if (simulator != null) {
            simulator.close();
        }
        ActiveMQClient.clearThreadPools();
    }

    @Test
    void aKilledConsumerLosesNothingAndARestartedOnePicksUp() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
        // every call takes a while, so that each consumer always has messages in flight
        simulator.faults().rates(new FaultRates(0, 0, 0, 0, 0, 1.0, Duration.ofMillis(60), 1));
        int port = freePort();
        String brokerUrl = "tcp://127.0.0.1:" + port;

        start("broker", "READY", BrokerProcess.class, work.resolve("broker").toString(), Integer.toString(port));
        Process first = start("consumer-a", "STARTED", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN,
                brokerUrl, "4");
        Process second = start("consumer-b", "STARTED", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN,
                brokerUrl, "4");

        try (ActiveMQJMSConnectionFactory factory = new ActiveMQJMSConnectionFactory(brokerUrl);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("attachments"));
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage(id(i)));
            }
        }

        awaitCompleted(MESSAGES / 4);
        int completedAtKill = simulator.ledger().completed().size();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(completedAtKill < MESSAGES, "killed while messages were in flight");

        start("consumer-a-restarted", "STARTED", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN, brokerUrl,
                "4");
        awaitCompleted(MESSAGES * 5 / 8);
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the other consumer stops gracefully");
        long afterSecondStopped = System.nanoTime();

        awaitCompleted(MESSAGES);

        Ledger ledger = simulator.ledger();
        for (int i = 0; i < MESSAGES; i++) {
            String id = id(i);
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": completed under one client token");
        }
        assertEquals(0, ledger.calls().stream().filter(c -> c.status() == 409).count(), "no conflicting repeats");
        assertTrue(ledger.calls().stream().anyMatch(c -> c.arrivedNanos() > afterSecondStopped),
                "the restarted consumer drained what was left");
        assertEquals(0, browse(brokerUrl, "attachments"), "the queue is drained");
        assertEquals(0, browse(brokerUrl, "attachments.DLQ"), "nothing dead-lettered");
        assertEquals(0, browse(brokerUrl, EmbeddedBroker.BROKER_DEAD_LETTER_ADDRESS), "nothing given up by the broker");
        String figures = String.format("messages=%d%nkilledAtCompleted=%d%ncalls=%d%nrepeatedCalls=%d%nlost=0%n"
                                       + "idsWithMoreThanOneToken=0%n", MESSAGES, completedAtKill, ledger.callCount(),
                ledger.callCount() - MESSAGES);
        Path report = Path.of("target", "reliability", "crash-safety.properties");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);
        System.out.println("Crash safety: " + figures.replace(System.lineSeparator(), " "));
    }

    private static String id(int i) {
        return String.format("crash-%04d", i);
    }

    private void awaitCompleted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (simulator.ledger().completed().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(simulator.ledger().completed().size() >= count,
                "completed " + simulator.ledger().completed().size() + " of " + count);
    }

    private Process start(String name, String readyLine, Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath(), mainClass.getName()));
        command.addAll(List.of(args));
        Path log = Path.of("target", "crash-safety", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(readyLine)) {
                return process;
            }
            assertTrue(process.isAlive(), name + " died: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start: " + Files.readString(log));
    }

    /** The test's own class path; failsafe passes the real one in surefire.test.class.path. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int browse(String brokerUrl, String queue) throws Exception {
        try (ActiveMQJMSConnectionFactory factory = new ActiveMQJMSConnectionFactory(brokerUrl);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            int count = 0;
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                messages.nextElement();
                count++;
            }
            return count;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
