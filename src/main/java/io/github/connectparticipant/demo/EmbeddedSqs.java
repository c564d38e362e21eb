package io.github.connectparticipant.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A real SQS server (ElasticMQ) in this JVM on a loopback port, for the SQS route's tests and the demo's
 * {@code -Ddemo.sqs=true}, with an SQS client of its own to make queues, send to them and read them back. ElasticMQ
 * takes any credentials; the route's default provider chain finds those {@link #useLocalCredentials()} sets.
 */
public final class EmbeddedSqs implements AutoCloseable {

    /** The region the server and its client name; any works, as long as both agree. */
    public static final String REGION = "us-east-1";

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient client;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = "http://127.0.0.1:" + port;
        this.client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** Starts a server on a free loopback port. */
    public static EmbeddedSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(REGION).start();
        return new EmbeddedSqs(server, server.waitUntilStarted().localAddress().getPort());
    }

    /**
     * Sets the AWS SDK's system properties for credentials and region, if none are set, so that a route with
     * {@code useDefaultCredentialsProvider=true} (the default provider chain) finds them, as it would find real ones.
     */
    public static void useLocalCredentials() {
        if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        if (System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
            System.setProperty("aws.region", REGION);
        }
    }

    /** The base URL to give the route as its endpoint override (sqs.url). */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Creates queues (a name ending in .fifo makes a FIFO queue, without content-based deduplication).
     *
     * @param visibilityTimeoutSeconds the queues' default visibility timeout
     */
    public void createQueues(int visibilityTimeoutSeconds, String... names) {
        for (String name : names) {
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
            if (name.endsWith(".fifo")) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            client.createQueue(CreateQueueRequest.builder().queueName(name).attributes(attributes).build());
        }
    }

    /** Sends these bodies to a standard queue, in batches of ten. */
    public void send(String queue, List<String> bodies) {
        send(queue, bodies, null);
    }

    /**
     * Sends these bodies to a queue in batches of ten; to a FIFO queue in this message group (each message its own
     * deduplication id), in order.
     */
    public void send(String queue, List<String> bodies, String messageGroupId) {
        String url = url(queue);
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
                SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).messageBody(bodies.get(i));
                if (messageGroupId != null) {
                    entry.messageGroupId(messageGroupId).messageDeduplicationId(messageGroupId + "-" + i);
                }
                entries.add(entry.build());
            }
            client.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
    }

    /** Sends one message with these message attributes (strings). */
    public void send(String queue, String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((name, value) -> values.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        client.sendMessage(b -> b.queueUrl(url(queue)).messageBody(body).messageAttributes(values));
    }

    /**
     * Messages in the queue, visible or held by a consumer (not yet deleted): what is really left.
     */
    public long depth(String queue) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    /**
     * Reads every visible message of a queue and deletes it: its body ("body"), its message attributes, its receive
     * count ("ApproximateReceiveCount") and, from a FIFO queue, its "MessageGroupId", as text; for reading a
     * dead-letter queue back.
     */
    public List<Map<String, String>> drain(String queue) {
        String url = url(queue);
        List<Map<String, String>> read = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> messages = client.receiveMessage(ReceiveMessageRequest.builder().queueUrl(url)
                    .maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(60)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.MESSAGE_GROUP_ID)
                    .build())
                    .messages();
            emptyPolls = messages.isEmpty() ? emptyPolls + 1 : 0;
            for (Message message : messages) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("body", message.body());
                message.messageAttributes().forEach((name, value) -> fields.put(name, value.stringValue()));
                fields.put("ApproximateReceiveCount",
                        message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                if (group != null) {
                    fields.put("MessageGroupId", group);
                }
                read.add(fields);
                client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return read;
    }

    private String url(String queue) {
        return client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
