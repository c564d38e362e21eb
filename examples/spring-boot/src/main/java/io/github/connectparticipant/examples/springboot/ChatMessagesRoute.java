package io.github.connectparticipant.examples.springboot;

import io.github.connectparticipant.camel.ConnectParticipantException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * POST /chat/messages with the message as the body: sent to the chat with the connection token of application.yaml;
 * the answer is the sent message's id and time as JSON. A message the service refuses answers 400 with the reason;
 * one that could not be sent while the service was busy or down (after the component's waits) answers 503, to be
 * posted again.
 */
@Component
public class ChatMessagesRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(ConnectParticipantException.class)
                .handled(true)
                .process(exchange -> {
                    ConnectParticipantException failure
                            = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ConnectParticipantException.class);
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, failure.isRetryable() ? 503 : 400);
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(new Refusal(failure.getErrorCode(), failure.isRetryable()));
                })
                .marshal().json();

        from("platform-http:/chat/messages?httpMethodRestrict=POST")
                .routeId("chat-messages")
                .convertBodyTo(String.class)
                .to("connectparticipant:sendMessage")
                .marshal().json();
    }

    /** What a refused message answers: the service's error name, and whether posting it again may succeed. */
    public record Refusal(String errorCode, boolean retryable) {
    }
}
