package io.github.connectparticipant.camel;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.attachments.AttachmentSource;
import io.github.connectparticipant.camel.client.RequestLimits;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads what a message says of the file to attach: the name, size and content type from the headers or the file, and
 * the bytes from a file, bytes or a stream; checked against the service's limits, the allow-list of file types and
 * the size limit before any call.
 */
public final class AttachmentSources {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_CONTENT_TYPE_LENGTH = 255;

    /** The content types of the file types chat attachments take. */
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("csv", "text/csv"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("heic", "image/heic"),
            Map.entry("jfif", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("txt", "text/plain"),
            Map.entry("wav", "audio/wav"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final long maxSize;
    private final Set<String> allowedFileTypes;

    public AttachmentSources(ConnectParticipantConfiguration configuration) {
        this.maxSize = configuration.getMaxAttachmentSize();
        String allowed = configuration.getAllowedFileTypes();
        this.allowedFileTypes = allowed == null || allowed.isBlank()
                ? Set.of()
                : Arrays.stream(allowed.split(",")).map(type -> extension("x." + type.strip()))
                        .filter(type -> !type.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param contentRequired true for sendAttachment, which uploads the bytes; startAttachmentUpload needs only the
     *                        name, size and type
     */
    public AttachmentSource read(Exchange exchange, boolean contentRequired) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        Object content = content(exchange, body);
        File file = content instanceof File f ? f : null;
        if (contentRequired && content == null) {
            throw new ConnectParticipantInvalidInputException(
                    "no attachment: the body must be a file, bytes or a stream, not "
                            + (body == null ? "empty" : "a " + body.getClass().getName()));
        }

        String name = message.getHeader(ConnectParticipantConstants.ATTACHMENT_NAME, String.class);
        if (name == null) {
            String fileName = message.getHeader(Exchange.FILE_NAME, String.class);
            name = fileName != null ? Path.of(fileName).getFileName().toString() : file != null ? file.getName() : null;
        }
        Long size = message.getHeader(ConnectParticipantConstants.ATTACHMENT_SIZE, Long.class);
        if (size == null) {
            size = file != null
                    ? Long.valueOf(file.length())
                    : content instanceof byte[] b
                            ? Long.valueOf(b.length)
                            // a remote file (FTP, say) arrives as a stream; its consumer tells its length
                            : message.getHeader(Exchange.FILE_LENGTH, Long.class);
        }
        String contentType = message.getHeader(ConnectParticipantConstants.CONTENT_TYPE, String.class);
        if (contentType == null && name != null) {
            contentType = CONTENT_TYPES.get(extension(name));
        }
        check(name, size, contentType);
        return AttachmentSource.of(name, size, contentType, content);
    }

    private void check(String name, Long size, String contentType) {
        if (name == null || name.isBlank()) {
            throw new ConnectParticipantInvalidInputException(
                    "no attachment name: set " + ConnectParticipantConstants.ATTACHMENT_NAME
                            + " or send a file");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new ConnectParticipantInvalidInputException(
                    "the attachment name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        RequestLimits.checkCharacters("the attachment name", name, false);
        if (size == null) {
            throw new ConnectParticipantInvalidInputException(
                    "no attachment size: set " + ConnectParticipantConstants.ATTACHMENT_SIZE
                            + " (required for a stream)");
        }
        if (size < 1) {
            throw new ConnectParticipantInvalidInputException("the attachment " + name + " is empty");
        }
        if (size > maxSize) {
            throw new ConnectParticipantInvalidInputException(
                    "the attachment " + name + " is " + size + " bytes; the limit is " + maxSize
                            + " (maxAttachmentSize)");
        }
        if (!allowedFileTypes.isEmpty() && !allowedFileTypes.contains(extension(name))) {
            throw new ConnectParticipantInvalidInputException(
                    "the file type of " + name + " is not one of " + allowedFileTypes
                            + " (allowedFileTypes)");
        }
        if (contentType == null || contentType.isBlank()) {
            throw new ConnectParticipantInvalidInputException("cannot tell the content type of " + name + ": set "
                    + ConnectParticipantConstants.CONTENT_TYPE);
        }
        if (contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw new ConnectParticipantInvalidInputException(
                    "the content type is longer than " + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        RequestLimits.checkCharacters("the content type", contentType, false);
    }

    /** A File for files (read from disk as it is sent), bytes, or a stream; null when the body holds none. */
    private static Object content(Exchange exchange, Object body) {
        if (body instanceof WrappedFile<?> wrapped) {
            return wrapped.getFile() instanceof File file
                    ? file
                    : exchange.getContext().getTypeConverter()
                            .tryConvertTo(InputStream.class, exchange, body);
        }
        if (body instanceof File || body instanceof byte[] || body instanceof InputStream) {
            if (body instanceof StreamCache cache) {
                cache.reset();
            }
            return body;
        }
        if (body instanceof Path path) {
            return path.toFile();
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The lower-case extension of a name, "" when it has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
