package io.github.connectparticipant.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real single-node Kafka (combined KRaft controller and broker, Apache Kafka's own test kit) in this JVM, on a
 * loopback port, for the demo (-Ddemo.kafka=true) and the tests, with what they ask of it: topics, records sent, and the
 * records of a topic read back.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
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

    public void createTopics(int partitions, String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList()).all().get();
        }
    }

    /** Sends the values to the topic, keyed by themselves, and waits until each is written. */
    public void send(String topic, List<String> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value));
            }
            producer.flush();
        }
    }

    /** The offsets the consumer group has committed on the topic, added up over its partitions. */
    public long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }

    /** Every record of the topic, read from the start until the topic has no more, as value and text headers. */
    public List<Map<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Map<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config,
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofMillis(500));
                emptyPolls = polled.isEmpty() ? emptyPolls + 1 : 0;
                for (var record : polled) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("value", record.value());
                    for (var header : record.headers()) {
                        fields.put(header.key(), header.value() == null
                                ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(fields);
                }
            }
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
