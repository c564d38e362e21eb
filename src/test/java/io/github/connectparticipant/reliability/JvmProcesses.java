package io.github.connectparticipant.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVMs of a multi-process test (a broker, consumers), each started on the test's class path with its output in
 * target/{folder}/{name}.log, and what such a test asks of the broker: queue text messages, count a queue's.
 */
public final class JvmProcesses implements AutoCloseable {

    private final String folder;
    private final List<Process> processes = new ArrayList<>();

    public JvmProcesses(String folder) {
        this.folder = folder;
    }

    /** Starts a JVM and waits until its output holds readyLine. */
    public Process start(String name, String readyLine, Class<?> mainClass, String... args) throws Exception {
        Process process = launch(name, mainClass, args);
        awaitReady(name, process, readyLine);
        return process;
    }

    /** Starts a JVM on another class path than the test's, and waits until its output holds readyLine. */
    public Process start(String name, String readyLine, String classpath, String mainClass, String... args)
            throws Exception {
        Process process = launch(name, classpath, mainClass, args);
        awaitReady(name, process, readyLine);
        return process;
    }

    /** Starts a JVM without waiting for it; see {@link #awaitReady}. */
    public Process launch(String name, Class<?> mainClass, String... args) throws IOException {
        return launch(name, classpath(), mainClass.getName(), args);
    }

    private Process launch(String name, String classpath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        Path log = log(name);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    /** Waits until the JVM's output holds readyLine. */
    public void awaitReady(String name, Process process, String readyLine) throws Exception {
        Path log = log(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(readyLine)) {
                return;
            }
            assertTrue(process.isAlive(), name + " died: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start: " + Files.readString(log));
    }

    private Path log(String name) {
        return Path.of("target", folder, name + ".log");
    }

    /** What the JVM has printed so far. */
    public String output(String name) throws IOException {
        return Files.readString(log(name));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** The test's own class path; failsafe passes the real one in surefire.test.class.path. */
    public static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Sends these texts to a queue of the broker. */
    static void send(String brokerUrl, String queue, List<String> texts) throws Exception {
        try (ActiveMQJMSConnectionFactory factory = new ActiveMQJMSConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** How many messages the queue holds. */
    static int browse(String brokerUrl, String queue) throws Exception {
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

    /** Starts a broker JVM ({@link BrokerProcess}) on a port it chooses, and answers its URL. */
    String startBroker(String name, Path dataFolder) throws Exception {
        start(name, BrokerProcess.READY, BrokerProcess.class, dataFolder.toString());
        String output = Files.readString(log(name));
        int at = output.indexOf(BrokerProcess.READY) + BrokerProcess.READY.length();
        int end = at;
        while (end < output.length() && Character.isDigit(output.charAt(end))) {
            end++;
        }
        return "tcp://127.0.0.1:" + Integer.parseInt(output.substring(at, end));
    }
}
