package io.github.connectparticipant.demo;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.SendMessageResult;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What the demo did: counted as messages leave the component, and read back from the dead letters at the end.
 */
public final class DemoSummary extends EventNotifierSupport {

    private final AtomicInteger completedMessages = new AtomicInteger();
    private final AtomicInteger completedAttachments = new AtomicInteger();
    private final AtomicInteger retriedAttachments = new AtomicInteger();
    private final Map<String, Integer> attemptsByAttachment = new ConcurrentHashMap<>();
    private final AtomicInteger sentFiles = new AtomicInteger();
    private final AtomicInteger sentChatMessages = new AtomicInteger();
    private final Map<String, Integer> deadLettersByReason = new TreeMap<>();
    private int filesSeeded;
    private int messagesSeeded;
    private int outgoingSeeded;
    private int backlogSeeded;
    private int chatSeeded;
    private DemoMeters.CallFigures callFigures;
    private int backlogDeadLettered;
    private int filesDone;
    private int filesDeadLettered;
    private int messagesDeadLettered;
    private boolean drained;

    public DemoSummary() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent
                && sent.getEndpoint() instanceof ConnectParticipantEndpoint) {
            Exchange exchange = sent.getExchange();
            if (exchange.getException() == null && exchange.getMessage().getBody() instanceof SendAttachmentResult) {
                sentFiles.incrementAndGet();
            }
            if (exchange.getException() == null && exchange.getMessage().getBody() instanceof SendMessageResult) {
                sentChatMessages.incrementAndGet();
            }
            if (exchange.getException() == null
                    && exchange.getMessage().getBody() instanceof CompleteAttachmentUploadResult result) {
                completedMessages.incrementAndGet();
                completedAttachments.addAndGet(result.getAttachments().size());
                boolean redelivered = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                        Integer.class) > 0;
                for (CompleteAttachmentUploadResult.CompletedAttachment attachment : result.getAttachments()) {
                    attemptsByAttachment.put(attachment.getAttachmentId(), attachment.getAttempts());
                    if (attachment.getAttempts() > 1 || redelivered) {
                        retriedAttachments.incrementAndGet();
                    }
                }
            }
        }
    }

    synchronized void seeded(int files, int messages, int outgoing, int backlog, int chat) {
        this.chatSeeded = chat;
        this.filesSeeded = files;
        this.messagesSeeded = messages;
        this.outgoingSeeded = outgoing;
        this.backlogSeeded = backlog;
    }

    /** What the component's meters counted, and how many backlog messages ended in the dead letters. */
    synchronized void calls(DemoMeters.CallFigures callFigures, int backlogDeadLettered) {
        this.callFigures = callFigures;
        this.backlogDeadLettered = backlogDeadLettered;
    }

    /** HTTP attempts the service throttled (the simulator's quota, or the sample's scripted throttles). */
    public synchronized long throttledAttempts() {
        return callFigures != null ? callFigures.throttles() : 0;
    }

    /** Calls by outcome (success, client_error, throttled, server_error, no_answer), from the meters. */
    public synchronized Map<String, Long> callsByOutcome() {
        return callFigures != null ? callFigures.callsByOutcome() : Map.of();
    }

    /** Messages of the backlog that ended in the dead letters: none, whatever the quota. */
    public synchronized int backlogDeadLettered() {
        return backlogDeadLettered;
    }

    synchronized void outputs(int filesDone, int filesDeadLettered, int messagesDeadLettered,
            Map<String, Integer> deadLettersByReason, boolean drained) {
        this.filesDone = filesDone;
        this.filesDeadLettered = filesDeadLettered;
        this.messagesDeadLettered = messagesDeadLettered;
        this.deadLettersByReason.clear();
        this.deadLettersByReason.putAll(deadLettersByReason);
        this.drained = drained;
    }

    public int completedMessages() {
        return completedMessages.get();
    }

    public int completedAttachments() {
        return completedAttachments.get();
    }

    /** Chat messages of the sample sent with sendMessage (their route made the connection from a participant token). */
    public int sentChatMessages() {
        return sentChatMessages.get();
    }

    /** Files of the outbox sent as chat attachments. */
    public int sentFiles() {
        return sentFiles.get();
    }

    public int retriedAttachments() {
        return retriedAttachments.get();
    }

    /** How many calls went on the wire for a completed attachment (its last delivery's), or 0 if it was not. */
    public int attemptsOf(String attachmentId) {
        return attemptsByAttachment.getOrDefault(attachmentId, 0);
    }

    public synchronized Map<String, Integer> deadLettersByReason() {
        return Map.copyOf(deadLettersByReason);
    }

    public synchronized int deadLettered() {
        return filesDeadLettered + messagesDeadLettered;
    }

    /** Inputs that ended neither completed nor dead-lettered. */
    public synchronized int lost() {
        return filesSeeded + messagesSeeded + backlogSeeded + outgoingSeeded + chatSeeded - completedMessages.get()
                - sentFiles.get() - sentChatMessages.get()
                - deadLettered();
    }

    public synchronized boolean drained() {
        return drained;
    }

    private static String outcomes(Map<String, Long> callsByOutcome) {
        StringBuilder text = new StringBuilder();
        callsByOutcome.forEach((outcome, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(outcome));
        return text.toString();
    }

    synchronized void print(PrintStream out, DemoSettings settings) {
        out.println();
        out.println("==================== connectparticipant demo: summary ====================");
        out.printf("input          %d files of ids, %d queue messages and a backlog of %d, %d files to attach,"
                + " %d chat messages%n", filesSeeded, messagesSeeded, backlogSeeded, outgoingSeeded, chatSeeded);
        out.printf("completed      %d messages, %d attachment ids (%d of them retried)%n", completedMessages.get(),
                completedAttachments.get(), retriedAttachments.get());
        out.printf("sent           %d files as chat attachments, %d chat messages (from a participant token)%n",
                sentFiles.get(), sentChatMessages.get());
        out.printf("dead-lettered  %d (%d files, %d queue and chat messages)%n", deadLettered(), filesDeadLettered,
                messagesDeadLettered);
        deadLettersByReason.forEach((reason, count) -> out.printf("    %-44s %d%n", reason, count));
        if (callFigures != null) {
            long attempts = callFigures.attempts();
            out.printf("calls          %d calls in %d HTTP attempts: %s (meters connectparticipant.*)%n",
                    callFigures.calls(), attempts, outcomes(callFigures.callsByOutcome()));
            out.printf("throttled      %d of %d attempts (%.1f%%) by %s;%n", callFigures.throttles(), attempts,
                    attempts == 0 ? 0.0 : 100.0 * callFigures.throttles() / attempts,
                    !settings.embeddedSimulator() ? "the service" : throttledBy(settings));
            out.printf("               the backlog of %d waited for its turn: %d of it dead-lettered%n", backlogSeeded,
                    backlogDeadLettered);
            out.println("call time      successful calls by operation: p50 / p99 (calls)");
            callFigures.successTimes().forEach((operation, times) -> out.printf(
                    "    %-31s %7.1f / %7.1f ms (%d)%n", operation, times.p50Millis(), times.p99Millis(),
                    times.calls()));
        }
        out.printf("lost           %d%s%n", lost(), drained ? "" : " (the sample did not drain in time)");
        out.printf("outputs        %s/.done (%d files), %s/.deadletter, queues %s and %s,%n", settings.inbox(),
                filesDone, settings.inbox(), settings.deadLetterQueueName(), settings.chatDeadLetterQueueName());
        out.printf("               %s/.sent, %s/.deadletter%n", settings.outbox(), settings.outbox());
        out.println("===========================================================================");
    }

    /** What throttles the embedded simulator makes: its quota, and the sample's scripted throttles. */
    private static String throttledBy(DemoSettings settings) {
        int scripted = settings.throttledIds().values().stream().mapToInt(Integer::intValue).sum();
        String quota = settings.quota() > 0 ? String.format("its quota of %.0f calls/s", settings.quota()) : null;
        String script = scripted > 0 ? scripted + " scripted whatever the rate" : null;
        return "the simulator" + (quota == null && script == null
                ? ""
                : " (" + (quota == null ? script : script == null ? quota : quota + " and " + script) + ")");
    }
}
