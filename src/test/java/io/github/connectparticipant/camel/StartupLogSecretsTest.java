package io.github.connectparticipant.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-main logs what it configured at start-up (at INFO: every component option set from properties, and the
 * property placeholders the routes used), masking only the names it knows as secrets; the component adds its token
 * options' names to them. Both tokens given every way the README shows: as component options, as endpoint options
 * from placeholders, with and without dashes.
 */
class StartupLogSecretsTest {

    static final String CONNECTION_TOKEN = "AQIDAHhStartupConn-s3cr3t-0123456789";
    static final String PARTICIPANT_TOKEN = "AQIDAHhStartupPart-s3cr3t-9876543210";
    static final String ENDPOINT_PARTICIPANT_TOKEN = "AQIDAHhStartupPart-endpoint-s3cr3t-555";
    /** A 256-bit key in base64, as stateEncryptionKey takes it. */
    static final String STATE_KEY = "c3RhcnR1cC1zZWNyZXQta2V5LTAxMjM0NTY3ODlhYmM=";

    @Test
    void connectionTokenAsComponentOptionAndPlaceholder() throws Exception {
        String text = runMain(Map.of(
                "camel.component.connectparticipant.connectionToken", CONNECTION_TOKEN,
                "chat.participantToken", ENDPOINT_PARTICIPANT_TOKEN,
                "chat.connection-token", CONNECTION_TOKEN), "direct:send-with-component-options");
        assertMaskedAndNoToken(text, "connectionToken");
    }

    @Test
    void participantTokensAsComponentOptionEndpointOptionAndPlaceholders() throws Exception {
        String text = runMain(Map.of(
                "camel.component.connectparticipant.participant-token", PARTICIPANT_TOKEN,
                "chat.participantToken", ENDPOINT_PARTICIPANT_TOKEN,
                "chat.connection-token", CONNECTION_TOKEN),
                "direct:send-with-component-options", "direct:send-with-participant-token",
                "direct:send-with-connection-token");
        // given as participant-token: the summary names the option
        assertMaskedAndNoToken(text, "participantToken");
    }

    @Test
    void theStateEncryptionKeyAsComponentOption() throws Exception {
        String text = runMain(Map.of(
                "camel.component.connectparticipant.state-encryption-key", STATE_KEY,
                "chat.participantToken", ENDPOINT_PARTICIPANT_TOKEN,
                "chat.connection-token", CONNECTION_TOKEN), "direct:send-with-connection-token");
        assertMaskedAndNoToken(text, "stateEncryptionKey");
        assertFalse(CamelCoreUnmaskedLogs.split(text).rest().contains(STATE_KEY),
                "the key in the log:\n" + linesWith(text, STATE_KEY));
    }

    /**
     * Runs camel-main with these properties and the test routes, at TRACE, sends a chat message through each of these
     * endpoints, and answers every log line.
     */
    private static String runMain(Map<String, String> properties, String... sendThrough) throws Exception {
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens(CONNECTION_TOKEN)
                .acceptParticipantTokens(PARTICIPANT_TOKEN, ENDPOINT_PARTICIPANT_TOKEN);
                CapturedLog log = CapturedLog.atTrace()) {
            // from a properties file, as users give them: camel-main's summaries name the file each value came from
            Path file = Files.createDirectories(Path.of("target", "startup-secrets")).resolve("application.properties");
            StringBuilder text = new StringBuilder();
            properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            text.append("camel.component.connectparticipant.uriEndpointOverride=").append(simulator.baseUrl());
            Files.writeString(file, text);
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:startup-secrets-routes.yaml");
            main.setPropertyPlaceholderLocations("file:" + file);
            main.start();
            try {
                ProducerTemplate template = main.getCamelContext().createProducerTemplate();
                for (String endpoint : sendThrough) {
                    template.requestBody(endpoint, "hello through " + endpoint);
                }
                assertEquals(sendThrough.length, simulator.transcript().size(), "every message sent");
            } finally {
                main.stop();
            }
            return log.text();
        }
    }

    /** camel-main's summary names the option, masked, and no token is in any line. */
    private static void assertMaskedAndNoToken(String log, String option) {
        assertTrue(log.contains("camel.component.connectparticipant." + option + " = xxxxxx"), log);
        assertNoToken(log);
    }

    private static void assertNoToken(String log) {
        // the placeholders' summary lists them, so the scan below looks where the token would have been
        assertTrue(log.contains("Property-placeholders summary"), log);
        assertTrue(log.contains("chat.connection-token = xxxxxx"), log);
        CamelCoreUnmaskedLogs.Split split = CamelCoreUnmaskedLogs.split(log);
        assertTrue(split.camelCoreLines() > 0, "Camel core was at TRACE too");
        for (String token : new String[]{CONNECTION_TOKEN, PARTICIPANT_TOKEN, ENDPOINT_PARTICIPANT_TOKEN}) {
            assertFalse(split.rest().contains(token), "a token in the log:\n" + linesWith(split.rest(), token));
        }
    }

    private static String linesWith(String text, String token) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.contains(token)) {
                lines.append(line.replace(token, "<token>")).append('\n');
            }
        }
        return lines.toString();
    }
}
