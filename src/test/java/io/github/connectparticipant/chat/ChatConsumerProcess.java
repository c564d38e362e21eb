package io.github.connectparticipant.chat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * A chat consumer in a JVM of its own, as a deployed bot or bridge runs it: it follows the chat of a participant token
 * with a FileStateRepository and appends each item's content to a file, one line each (what the route delivered). It
 * prints STARTED once its route runs, and runs until the JVM is stopped.
 */
public final class ChatConsumerProcess {

    private ChatConsumerProcess() {
    }

    /** Arguments: the simulator's base URL, the participant token, the state file, the output file. */
    public static void main(String[] args) throws Exception {
        String simulatorUrl = args[0];
        String participantToken = args[1];
        File state = new File(args[2]);
        Path output = Path.of(args[3]);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("chatState", FileStateRepository.fileStateRepository(state));
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("connectparticipant:chat?participantToken=RAW(" + participantToken + ")&uriEndpointOverride="
                        + simulatorUrl + "&stateRepository=#chatState")
                        .process(exchange -> Files.writeString(output,
                                exchange.getMessage().getBody(String.class) + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
        });
        context.start();
        System.out.println("STARTED");
        Thread.currentThread().join();
    }
}
