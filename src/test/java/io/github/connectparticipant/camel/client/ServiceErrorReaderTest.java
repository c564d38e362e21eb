package io.github.connectparticipant.camel.client;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceErrorReaderTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void errorNameComesFromTheHeaderBeforeTheFirstColon() {
        ServiceCallFailure failure = ServiceErrorReader.read(429,
                "ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.connectparticipant/", "req-1", null,
                utf8("{\"message\":\"Rate exceeded\"}"));
        assertEquals("ThrottlingException", failure.errorCode());
        assertEquals("Rate exceeded", failure.getMessage());
        assertEquals("req-1", failure.requestId());
        assertEquals(429, failure.statusCode());
    }

    @Test
    void errorNameFallsBackToTheBody() {
        assertEquals("AccessDeniedException", ServiceErrorReader.read(403, null, null, null,
                utf8("{\"__type\":\"com.amazonaws.connectparticipant#AccessDeniedException\",\"Message\":\"no\"}"))
                .errorCode());
        assertEquals("ValidationException",
                ServiceErrorReader.read(400, null, null, null, utf8("{\"code\":\"ValidationException\"}")).errorCode());
        ServiceCallFailure bare = ServiceErrorReader.read(503, null, null, null, null);
        assertEquals("Http503", bare.errorCode());
        assertTrue(bare.getMessage().contains("503"));
        assertEquals("Http502", ServiceErrorReader.read(502, null, null, null, utf8("<html>bad gateway</html>"))
                .errorCode());
    }

    @Test
    void errorNameStripsNamespaces() {
        assertEquals("ConflictException", ServiceErrorReader.errorName("aws#ConflictException:urn:x"));
        assertNull(ServiceErrorReader.errorName(" "));
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        assertEquals(2000, ServiceErrorReader.retryAfterMillis("2"));
        assertEquals(-1, ServiceErrorReader.retryAfterMillis("soon"));
        assertEquals(-1, ServiceErrorReader.retryAfterMillis(null));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        long millis = ServiceErrorReader.retryAfterMillis(inTenSeconds);
        assertTrue(millis > 7000 && millis <= 10_000, "was " + millis);
    }
}
