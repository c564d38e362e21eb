package io.github.connectparticipant.camel;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads the many forms a message can take (header, String, JSON object or array, separated list, Collection, array,
 * bytes, stream, file, the request class) into one {@link CompleteAttachmentUploadRequest} of validated ids, with the
 * tokens the body gives, if any ({@link MessageTokens} decides which token a call uses).
 */
public final class AttachmentRequestReader {

    /** The largest body read: far above 100 ids of 256 characters, far below what would strain the heap. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Where a message gives its attachment ids, for the error that finds none. */
    static final String WHERE_IDS_GO = "give them in the body or in the " + ConnectParticipantConstants.ATTACHMENT_IDS
            + " header";

    private final ConnectParticipantConfiguration configuration;

    public AttachmentRequestReader(ConnectParticipantConfiguration configuration) {
        this.configuration = configuration;
    }

    public CompleteAttachmentUploadRequest read(Exchange exchange) {
        Message message = exchange.getMessage();
        Object headerIds = message.getHeader(ConnectParticipantConstants.ATTACHMENT_IDS);
        CompleteAttachmentUploadRequest given = headerIds != null
                ? new CompleteAttachmentUploadRequest(
                        idsOf(headerIds, "the " + ConnectParticipantConstants.ATTACHMENT_IDS + " header"))
                : readBody(exchange, message.getBody());

        List<String> attachmentIds = distinctStripped(given.getAttachmentIds());
        RequestLimits.checkAttachmentIds(attachmentIds, configuration.getMaxAttachmentsPerMessage(), WHERE_IDS_GO);
        return new CompleteAttachmentUploadRequest(attachmentIds, given.getConnectionToken(), given.getClientToken());
    }

    private CompleteAttachmentUploadRequest readBody(Exchange exchange, Object body) {
        if (body == null) {
            throw new ConnectParticipantInvalidInputException("no attachment ids: the body is empty and the "
                    + ConnectParticipantConstants.ATTACHMENT_IDS + " header is not set");
        }
        if (body instanceof CompleteAttachmentUploadRequest request) {
            return new CompleteAttachmentUploadRequest(request.getAttachmentIds(), request.getConnectionToken(),
                    request.getClientToken());
        }
        if (body instanceof String text) {
            return readText(text);
        }
        if (body instanceof byte[] bytes) {
            return readText(utf8(bytes));
        }
        if (body instanceof JsonNode json) {
            return readJson(json);
        }
        if (body instanceof Map<?, ?> map) {
            return readJson(ParticipantJson.MAPPER.valueToTree(map));
        }
        if (body instanceof Collection<?> || body instanceof Object[]) {
            return new CompleteAttachmentUploadRequest(idsOf(body, "the body"));
        }
        if (isReadable(body)) {
            byte[] bytes = readBytes(exchange, body);
            if (body instanceof InputStream && !(body instanceof StreamCache) || body instanceof Reader) {
                // a stream reads once: keep what was read, so that a redelivery finds the same ids
                exchange.getMessage().setBody(bytes);
            }
            return readText(utf8(bytes));
        }
        throw new ConnectParticipantInvalidInputException(
                "cannot read attachment ids from a body of type " + body.getClass().getName());
    }

    private static boolean isReadable(Object body) {
        return body instanceof WrappedFile<?> || body instanceof File || body instanceof Path
                || body instanceof InputStream || body instanceof StreamCache || body instanceof Reader
                || body instanceof ByteBuffer || body instanceof CharSequence;
    }

    /** Reads at most one byte over the limit, so that a huge file or stream is refused without being loaded. */
    private static byte[] readBytes(Exchange exchange, Object body) {
        Object source = body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file ? file : body;
        try {
            if (source instanceof File file) {
                checkSize(file.length());
                return Files.readAllBytes(file.toPath());
            }
            if (source instanceof Path path) {
                checkSize(Files.size(path));
                return Files.readAllBytes(path);
            }
            if (source instanceof StreamCache cache) {
                cache.reset();
            }
            InputStream in = source instanceof InputStream stream
                    ? stream
                    : exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, source);
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            checkSize(bytes.length);
            return bytes;
        } catch (ConnectParticipantInvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new ConnectParticipantInvalidInputException(
                    "cannot read the body (" + body.getClass().getName() + "): " + e.getClass().getSimpleName(), e);
        }
    }

    private static void checkSize(long size) {
        if (size > MAX_BODY_BYTES) {
            throw new ConnectParticipantInvalidInputException("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConnectParticipantInvalidInputException("the body is not valid UTF-8 text");
        }
    }

    /** JSON when it looks like JSON; otherwise ids separated by commas or line breaks (one id is a list of one). */
    private static CompleteAttachmentUploadRequest readText(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content = content.strip();
        if (content.startsWith("{") || content.startsWith("[")) {
            return readJson(parseJson(content));
        }
        List<String> ids = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length(); i++) {
            if (i == content.length() || isSeparator(content.charAt(i))) {
                String id = content.substring(start, i).strip();
                // empty lines and a trailing separator are layout, not ids
                if (!id.isEmpty()) {
                    ids.add(id);
                }
                start = i + 1;
            }
        }
        return new CompleteAttachmentUploadRequest(ids);
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private static JsonNode parseJson(String json) {
        try {
            return ParticipantJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the input, which may hold the connection token
            JsonLocation at = e.getLocation();
            String where = at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
            throw new ConnectParticipantInvalidInputException("the body is not valid JSON" + where);
        }
    }

    private static CompleteAttachmentUploadRequest readJson(JsonNode json) {
        if (json.isArray()) {
            return new CompleteAttachmentUploadRequest(idsOfJson(json, "the JSON array"));
        }
        if (!json.isObject()) {
            throw new ConnectParticipantInvalidInputException(
                    "the JSON body is a " + json.getNodeType() + ", not an object or an array");
        }
        JsonNode ids = field(json, "AttachmentIds", "attachmentIds");
        if (ids == null) {
            throw new ConnectParticipantInvalidInputException("the JSON object has no AttachmentIds");
        }
        List<String> attachmentIds = ids.isTextual() ? List.of(ids.asText()) : idsOfJson(ids, "AttachmentIds");
        return new CompleteAttachmentUploadRequest(attachmentIds, textField(json, "ConnectionToken", "connectionToken"),
                textField(json, "ClientToken", "clientToken"));
    }

    private static List<String> idsOfJson(JsonNode array, String what) {
        if (!array.isArray()) {
            throw new ConnectParticipantInvalidInputException(
                    what + " is a " + array.getNodeType() + ", not an array of strings");
        }
        List<String> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (!id.isTextual()) {
                throw new ConnectParticipantInvalidInputException(
                        "attachment id #" + (i + 1) + " in " + what + " is a " + id.getNodeType()
                                + ", not a string");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static JsonNode field(JsonNode object, String name, String alternative) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull() ? value : object.get(alternative);
    }

    private static String textField(JsonNode object, String name, String alternative) {
        JsonNode value = field(object, name, alternative);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ConnectParticipantInvalidInputException(name + " is a " + value.getNodeType() + ", not a string");
        }
        return value.asText();
    }

    /** A header or body that holds ids directly: a String (one id or a separated list), a Collection or an array. */
    private static List<String> idsOf(Object value, String what) {
        if (value instanceof String text) {
            return readText(text).getAttachmentIds();
        }
        Iterable<?> items;
        if (value instanceof Collection<?> collection) {
            items = collection;
        } else if (value instanceof Object[] array) {
            items = Arrays.asList(array);
        } else {
            throw new ConnectParticipantInvalidInputException(what + " is a " + value.getClass().getName()
                    + "; give a List of Strings or a String");
        }
        List<String> ids = new ArrayList<>();
        int position = 0;
        for (Object item : items) {
            position++;
            if (!(item instanceof CharSequence)) {
                throw new ConnectParticipantInvalidInputException("attachment id #" + position + " in " + what + " is "
                        + (item == null ? "null" : "a " + item.getClass().getSimpleName())
                        + ", not a String");
            }
            ids.add(item.toString());
        }
        return ids;
    }

    /** Ids without surrounding white space, each once, in the order given: a repeated id would only repeat a call. */
    private static List<String> distinctStripped(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() == 1) {
            // the common message: one id, nothing to make distinct
            String id = ids.get(0);
            return Collections.singletonList(id == null ? null : id.strip());
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(id == null ? null : id.strip());
        }
        return new ArrayList<>(distinct);
    }
}
