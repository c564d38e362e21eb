package io.github.connectparticipant.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
    private final Map<String, AtomicInteger> completedByRoute = new ConcurrentHashMap<>();
    private final AtomicInteger completedBacklog = new AtomicInteger();
    private final Map<String, Integer> deadLettersByReason = new TreeMap<>();
    private final List<InputFigures> inputs = new ArrayList<>();
    private DemoMeters.CallFigures callFigures;
    private int backlogDeadLettered;
    private boolean drained;

    /**
     * One kind of the sample's input and what became of it: each line of the summary adds up to its input.
     *
     * @param what         what the input is ("files of ids", "queue messages", ...)
     * @param seeded       how many the demo put in
     * @param done         how many left the component completed or sent
     * @param doneVerb     "completed" or "sent"
     * @param deadLettered how many went to the dead letters
     * @param seeAfterExit where they can still be seen once the demo (and its embedded broker) has stopped
     */
    /** An item the chat consumer received from the chat: who said it, what kind of item, and its content. */
    record ChatAnswer(String participantRole, String itemType, String content) {
    }

    private List<ChatAnswer> chatAnswers = List.of();

    record InputFigures(String what, int seeded, int done, String doneVerb, int deadLettered, String seeAfterExit) {

        int lost() {
            return seeded - done - deadLettered;
        }
    }

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
                if (!result.getAttachments().isEmpty()
                        && result.getAttachments().get(0).getAttachmentId().startsWith(Demo.BACKLOG_PREFIX)) {
                    completedBacklog.incrementAndGet();
                } else {
                    completedByRoute.computeIfAbsent(String.valueOf(exchange.getFromRouteId()),
                            route -> new AtomicInteger()).incrementAndGet();
                }
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

    /** Messages completed that the route with this id consumed, the backlog's left out. */
    int completedFrom(String routeId) {
        AtomicInteger completed = completedByRoute.get(routeId);
        return completed == null ? 0 : completed.get();
    }

    /** Messages of the backlog completed. */
    int completedBacklog() {
        return completedBacklog.get();
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

    synchronized void outputs(List<InputFigures> inputs, Map<String, Integer> deadLettersByReason, boolean drained) {
        this.inputs.clear();
        this.inputs.addAll(inputs);
        this.deadLettersByReason.clear();
        this.deadLettersByReason.putAll(deadLettersByReason);
        this.drained = drained;
    }

    /** Each kind of input and what became of it, once the demo has collected its outputs. */
    /** What the chat consumer received from the chat (routes/chat-to-queue.yaml), in order. */
    synchronized void chatAnswers(List<ChatAnswer> answers) {
        this.chatAnswers = List.copyOf(answers);
    }

    public synchronized List<ChatAnswer> chatAnswers() {
        return chatAnswers;
    }

    public synchronized List<InputFigures> inputs() {
        return List.copyOf(inputs);
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
        return inputs.stream().mapToInt(InputFigures::deadLettered).sum();
    }

    /** Inputs that ended neither completed, sent nor dead-lettered. */
    public synchronized int lost() {
        return inputs.stream().mapToInt(InputFigures::lost).sum();
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
        int seeded = inputs.stream().mapToInt(InputFigures::seeded).sum();
        int done = inputs.stream().mapToInt(InputFigures::done).sum();
        out.println();
        out.println("==================== connectparticipant demo: summary ====================");
        out.printf("input %20d = %s%n", seeded, String.join(" + ",
                inputs.stream().map(input -> input.seeded() + " " + input.what()).toList()));
        for (InputFigures input : inputs) {
            String result = input.done() + " " + input.doneVerb() + " + " + input.deadLettered() + " dead-lettered"
                    + (input.lost() != 0 ? " + " + input.lost() + " lost" : "");
            out.printf("  %-19s %4d = %-33s %s%n", input.what(), input.seeded(), result, input.seeAfterExit());
        }
        out.printf("output %19d = %d completed or sent + %d dead-lettered + %d lost%s%n", seeded, done, deadLettered(),
                lost(), drained ? "" : " (the sample did not drain in time)");
        out.println("dead letters by reason (each with its reason beside it, in the places above)");
        deadLettersByReason.forEach((reason, count) -> out.printf("    %-46s %d%n", reason, count));
        out.printf("attachment ids %d completed by %d messages (%d of the ids retried)%n", completedAttachments.get(),
                completedMessages.get(), retriedAttachments.get());
        out.printf(
                "chat items     %d received from the chat by route chat-to-queue (routes/chat-to-queue.yaml), in queue"
                        + " %s%s%n",
                chatAnswers.size(), settings.chatIncomingQueueName(),
                settings.embeddedSimulator() && settings.agentEcho()
                        ? ": the simulator's agent echoing the " + sentChatMessages() + " chat messages sent"
                        : "");
        chatAnswers.forEach(answer -> out.printf("    %s %s: %s%n", answer.participantRole(), answer.itemType(),
                answer.content()));
        if (callFigures != null) {
            long attempts = callFigures.attempts();
            out.printf("calls          %d calls in %d HTTP attempts: %s (meters connectparticipant.*)%n",
                    callFigures.calls(), attempts, outcomes(callFigures.callsByOutcome()));
            out.printf("throttled      %d of %d attempts (%.1f%%) by %s;%n", callFigures.throttles(), attempts,
                    attempts == 0 ? 0.0 : 100.0 * callFigures.throttles() / attempts,
                    !settings.embeddedSimulator() ? "the service" : throttledBy(settings));
            out.printf("               the backlog waited for its turn: %d of it dead-lettered%n",
                    backlogDeadLettered);
            out.println("call time      successful calls by operation: p50 / p99 (calls)");
            callFigures.successTimes().forEach((operation, times) -> out.printf(
                    "    %-31s %7.1f / %7.1f ms (%d)%n", operation, times.p50Millis(), times.p99Millis(),
                    times.calls()));
        }
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
