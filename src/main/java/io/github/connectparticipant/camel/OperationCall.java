package io.github.connectparticipant.camel;

import java.util.function.Function;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.model.SentChatItem;
import io.github.connectparticipant.camel.model.ServiceCallResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One message's operation, as its handler ({@link ConnectParticipantOperations}) sees it: the message to read, the
 * families that perform the calls, the tokens, and where the result goes (the body, and its useful values in headers).
 */
final class OperationCall {

    private final ConnectParticipantOperations operation;
    private final Exchange exchange;
    private final CallContext context;
    private final OperationFamilies families;

    OperationCall(ConnectParticipantOperations operation, Exchange exchange, CallContext context,
            OperationFamilies families) {
        this.operation = operation;
        this.exchange = exchange;
        this.context = context;
        this.families = families;
    }

    ConnectParticipantOperations operation() {
        return operation;
    }

    Exchange exchange() {
        return exchange;
    }

    Message message() {
        return exchange.getMessage();
    }

    CallContext context() {
        return context;
    }

    OperationFamilies families() {
        return families;
    }

    ConnectParticipantConfiguration configuration() {
        return families.configuration();
    }

    String header(String name) {
        return message().getHeader(name, String.class);
    }

    <T> T header(String name, Class<T> type) {
        return message().getHeader(name, type);
    }

    /** The body as text, or null. */
    String body() {
        return message().getBody(String.class);
    }

    /** Runs the operation with the message's connection token (see {@link MessageTokens}). */
    <T> T withConnectionToken(Function<String, T> operation) {
        return withConnectionToken(null, operation);
    }

    /** @param fromBody the connection token the body gives, or null */
    <T> T withConnectionToken(String fromBody, Function<String, T> operation) {
        return families.tokens().withConnectionToken(message(), fromBody, context, families.connections(), operation);
    }

    /** The call context with the body's client token, where the body can give one (header, then body, then option). */
    CallContext contextWithClientToken(String fromBody) {
        if (fromBody == null || fromBody.isEmpty()) {
            // the context has the header's or the option's already
            return context;
        }
        return new CallContext(families.tokens().clientTokens(message(), fromBody), context.redeliveries(),
                context.capacityWait());
    }

    /** The message's participant token, for the operation that needs one. */
    String participantToken() {
        return families.tokens().participantToken(message());
    }

    /** The result into the body, its request id into CamelConnectParticipantRequestId. */
    <R extends ServiceCallResult> R done(R result) {
        message().setBody(result);
        message().setHeader(ConnectParticipantConstants.REQUEST_ID, result.getRequestId());
        return result;
    }

    /** A message or event sent: the result, and its id and time in headers. */
    void sent(SentChatItem result) {
        done(result);
        message().setHeader(ConnectParticipantConstants.MESSAGE_ID, result.getId());
        message().setHeader(ConnectParticipantConstants.ABSOLUTE_TIME, result.getAbsoluteTime());
    }

    void setHeader(String name, Object value) {
        message().setHeader(name, value);
    }
}
