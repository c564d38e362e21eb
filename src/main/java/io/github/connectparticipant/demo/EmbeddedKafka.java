package io.github.connectparticipant.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka (combined KRaft controller and broker, Apache Kafka's own test kit) in this JVM, on a
 * loopback port, for the demo (-Ddemo.kafka=true) and the tests, with what they ask of it: topics, records sent, and the
 * records of a topic read back.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final KafkaTopics topics;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.topics = new KafkaTopics(cluster.bootstrapServers());
    }

    public static EmbeddedKafka start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(cluster);
        kafka.awaitReady();
        return kafka;
    }

    /** Until the broker answers (the test kit's own wait needs JUnit, which the demo does not have). */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (;;) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the embedded Kafka broker did not start", e);
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** What a test or the demo asks of the broker's topics: see {@link KafkaTopics}. */
    public KafkaTopics topics() {
        return topics;
    }

    public void createTopics(int partitions, String... names) throws Exception {
        topics.create(partitions, names);
    }

    /** Sends the values to the topic, keyed by themselves, and waits until each is written. */
    public void send(String topic, List<String> values) throws Exception {
        topics.send(topic, values);
    }

    /** The offsets the consumer group has committed on the topic, added up over its partitions. */
    public long committed(String group, String topic) throws Exception {
        return topics.committed(group, topic);
    }

    /** Every record of the topic, read from the start until the topic has no more, as value and text headers. */
    public List<Map<String, String>> readAll(String topic) {
        return topics.readAll(topic);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
