package io.github.connectparticipant.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's brokers on their own, for running the shipped routes with camel-main or Camel JBang, and for tests whose
 * JVM cannot hold a broker (a newer Kafka client than the broker's test kit): an Artemis broker ({@code --artemis}), a
 * single-node Kafka ({@code --kafka}) and an SQS server ({@code --sqs}), all three when none is named. Each prints the
 * URL a route takes, then {@link #READY}; they run until the process is stopped (Ctrl-C), then stop cleanly.
 *
 * <pre>
 * mvn -q compile exec:exec@brokers                           # all three; Artemis on 61616
 * mvn -q compile exec:exec@brokers -Dbrokers.args=--kafka   # Kafka alone
 * </pre>
 *
 * {@code --any-port} puts Artemis on a port the system chooses (what tests want); {@code --data FOLDER} keeps its
 * journal there (default target/brokers).
 */
public final class Brokers {

    /** Printed once every broker asked for accepts connections. */
    public static final String READY = "Brokers ready";
    /** Before the Artemis broker's URL (a JMS connection factory's brokerURL). */
    public static final String ARTEMIS = "artemis: ";
    /** Before the Kafka broker's bootstrap servers (the Kafka route's kafka.brokers). */
    public static final String KAFKA = "kafka: ";
    /** Before the SQS server's URL (the SQS route's sqs.url). */
    public static final String SQS = "sqs: ";

    /** Artemis' usual port, which a JMS client's default brokerURL names. */
    private static final int ARTEMIS_PORT = 61616;

    private Brokers() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        Set<String> named = Set.of("--artemis", "--kafka", "--sqs");
        boolean all = arguments.stream().noneMatch(named::contains);
        int dataAt = arguments.indexOf("--data");
        Path data = Path.of(dataAt >= 0 && dataAt + 1 < args.length ? args[dataAt + 1] : "target/brokers");
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
        if (all || arguments.contains("--artemis")) {
            Files.createDirectories(data);
            EmbeddedBroker artemis = arguments.contains("--any-port")
                    ? EmbeddedBroker.startOnAnyTcpPort(data.resolve("artemis"))
                    : EmbeddedBroker.start(data.resolve("artemis"), ARTEMIS_PORT);
            started.add(artemis);
            System.out.println(ARTEMIS + "tcp://127.0.0.1:" + artemis.tcpPort());
        }
        if (all || arguments.contains("--kafka")) {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            started.add(kafka);
            System.out.println(KAFKA + kafka.bootstrapServers());
        }
        if (all || arguments.contains("--sqs")) {
            EmbeddedSqs sqs = EmbeddedSqs.start();
            started.add(sqs);
            System.out.println(SQS + sqs.endpoint() + " (any credentials, region " + EmbeddedSqs.REGION + ")");
        }
        System.out.println(READY + " (Ctrl-C stops them)");
        Thread.currentThread().join();
    }

    private static void stop(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable broker = started.get(i);
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("stopping " + broker.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
