package io.github.connectparticipant.examples.springboot;

import io.github.connectparticipant.camel.ConnectParticipantException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * POST /chat/messages with the message as the body: sent to the chat with the connection token of application.yaml;
 * the answer is the sent message's id and time as JSON. A message the service refuses answers 400 with the reason;
 * one that could not be sent while the service was busy or down (after the component's waits) answers 503, to be
 * posted again; either is logged with its reason. The answer holds only that: none of the request's headers (the
 * platform-http component would otherwise send them back, an Authorization or X-Amz-Bearer among them).
 */
@Component
public class ChatMessagesRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(ConnectParticipantException.class)
                .handled(true)
                .removeHeaders("*")
                .process(exchange -> {
                    ConnectParticipantException failure
                            = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ConnectParticipantException.class);
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, failure.isRetryable() ? 503 : 400);
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    // the component's messages never hold a token
                    exchange.getMessage().setBody(new Refusal(failure.getErrorCode(), failure.getMessage(),
                            failure.isRetryable()));
                })
                .log(LoggingLevel.WARN, "chat message not sent: ${body.reason}")
                .marshal().json();

        from("platform-http:/chat/messages?httpMethodRestrict=POST")
                .routeId("chat-messages")
                .convertBodyTo(String.class)
                .to("connectparticipant:sendMessage")
                // the answer is the result alone: no request header goes back
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .marshal().json();
    }

    /**
     * What a refused message answers: the service's error name, why, and whether posting it again may succeed.
     */
    public record Refusal(String errorCode, String reason, boolean retryable) {
    }
}
