package io.github.connectparticipant.camel.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request writer against the generator the AWS SDK for Java v2 writes its JSON with (its shaded copy of Jackson,
 * third-party-jackson-core, with default settings): the same bytes for every character there is.
 */
class JsonRequestWriterTest {

    private static final JsonFactory SDK_JACKSON = new JsonFactory();

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() throws IOException {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "a" + (char) c + "b";
            assertArrayEquals(jackson(text), new JsonRequestWriter().string("Name", text).toBytes(),
                    () -> "U+" + Integer.toHexString(text.charAt(1)));
        }
    }

    @Test
    void surrogatePairsAreWrittenAsJacksonWritesThem() throws IOException {
        for (int codePoint : new int[]{0x10000, 0x1F600, 0x10FFFF}) {
            String text = "x" + Character.toString(codePoint) + "\"y";
            byte[] written = new JsonRequestWriter().string("Name", text).toBytes();
            assertArrayEquals(jackson(text), written);
            assertTrue(new String(written, StandardCharsets.US_ASCII).contains("\\u"), "escaped, half by half");
        }
    }

    @Test
    void membersArrayAndNumbersAreCompactAndInOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = SDK_JACKSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("AttachmentIds");
            json.writeString("id \"1\"");
            json.writeEndArray();
            json.writeNumberField("Min", Long.MIN_VALUE);
            json.writeNumberField("Zero", 0);
            json.writeNumberField("Max", Long.MAX_VALUE);
            json.writeStringField("ClientToken", "t");
            json.writeEndObject();
        }
        byte[] written = new JsonRequestWriter()
                .singleStringArray("AttachmentIds", "id \"1\"")
                .number("Min", Long.MIN_VALUE)
                .number("Zero", 0)
                .number("Max", Long.MAX_VALUE)
                .string("ClientToken", "t")
                .toBytes();
        assertArrayEquals(out.toByteArray(), written);
        assertEquals("{\"AttachmentIds\":[\"id \\\"1\\\"\"],\"Min\":-9223372036854775808,\"Zero\":0,"
                + "\"Max\":9223372036854775807,\"ClientToken\":\"t\"}",
                new String(written, StandardCharsets.UTF_8));
        assertEquals("{}", new String(new JsonRequestWriter().toBytes(), StandardCharsets.UTF_8));
    }

    private static byte[] jackson(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = SDK_JACKSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Name", text);
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
