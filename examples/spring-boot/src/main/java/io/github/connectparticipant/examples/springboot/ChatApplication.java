package io.github.connectparticipant.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Chat messages posted over HTTP go to the Amazon Connect Participant Service; the component is configured in
 * application.yaml ({@code camel.component.connectparticipant.*}). Under the default profile, {@code local}, it talks
 * to the embedded simulator.
 */
@SpringBootApplication
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
