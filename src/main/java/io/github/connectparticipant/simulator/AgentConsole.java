package io.github.connectparticipant.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The simulator's agent, typed at the command line: each line a command for the chat of a participant token the
 * simulator accepts. {@code say TOKEN TEXT} sends the agent's message, {@code end TOKEN} ends the chat, {@code drop}
 * drops every chat socket as a network failure would. The answer is one line; a token is never echoed.
 */
public final class AgentConsole {

    /** What the console answers to help or a line it does not know. */
    static final String COMMANDS = "agent commands: say PARTICIPANT_TOKEN TEXT | end PARTICIPANT_TOKEN | drop";

    private final ParticipantServiceSimulator simulator;
    private final PrintStream out;

    public AgentConsole(ParticipantServiceSimulator simulator, PrintStream out) {
        this.simulator = simulator;
        this.out = out;
    }

    /** Reads commands until the input ends (a console closed, or none: running in the background). */
    public void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            out.println(execute(line));
        }
    }

    /** Runs one command line; answers what it did. */
    String execute(String line) {
        String[] words = line.strip().split("\\s+", 3);
        try {
            switch (words[0]) {
                case "say" -> {
                    if (words.length < 3) {
                        return "say needs a participant token and the text: " + COMMANDS;
                    }
                    String itemId = simulator.agentMessage(words[1], words[2]);
                    return "agent: message " + itemId + " in chat " + simulator.contactId(words[1]);
                }
                case "end" -> {
                    if (words.length < 2) {
                        return "end needs a participant token: " + COMMANDS;
                    }
                    simulator.endChat(words[1]);
                    return "agent: chat " + simulator.contactId(words[1]) + " ended";
                }
                case "drop" -> {
                    return "agent: " + simulator.dropSockets() + " chat socket(s) dropped";
                }
                case "", "help" -> {
                    return COMMANDS;
                }
                default -> {
                    return "unknown command " + words[0] + ": " + COMMANDS;
                }
            }
        } catch (IllegalArgumentException e) {
            // the simulator's own words, which never quote the token
            return e.getMessage();
        } catch (IllegalStateException e) {
            return "the chat sockets are not available: " + e.getMessage();
        }
    }
}
