package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attachments the simulator handed out with StartAttachmentUpload: what the service expects of each upload, and
 * the uploaded bytes, kept in files (never in memory) so that large uploads cost the simulator no heap.
 */
final class AttachmentStore implements AutoCloseable {

    /**
     * One attachment the simulator issued.
     *
     * @param attachmentId     the id handed out
     * @param name             AttachmentName
     * @param contentType      ContentType
     * @param size             AttachmentSizeInBytes
     * @param uploadKey        the secret part of the pre-signed URL
     * @param urlExpiry        when the upload URL stops working
     */
    record Issued(String attachmentId, String name, String contentType, long size, String uploadKey,
            Instant urlExpiry) {

        /** The headers the upload must carry, exactly, as S3 checks a pre-signed URL's signed headers. */
        Map<String, String> headersToInclude() {
            return Map.of("Content-Type", contentType, "Content-Length", Long.toString(size),
                    "x-amz-meta-attachment-name", name);
        }
    }

    private final Map<String, Issued> byClientToken = new ConcurrentHashMap<>();
    private final Map<String, Issued> byId = new ConcurrentHashMap<>();
    private final Map<String, Path> uploads = new ConcurrentHashMap<>();
    private final Path folder;
    private volatile Duration urlLifetime = Duration.ofMinutes(5);

    AttachmentStore() {
        try {
            folder = Files.createTempDirectory("participant-simulator-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void urlLifetime(Duration lifetime) {
        this.urlLifetime = lifetime;
    }

    /** The same client token gets the same attachment, as the service treats a repeated token as the same request. */
    Issued start(String clientToken, String name, String contentType, long size) {
        return byClientToken.computeIfAbsent(clientToken, token -> {
            Issued issued = new Issued(UUID.randomUUID().toString(), name, contentType, size,
                    UUID.randomUUID().toString().replace("-", ""), Instant.now().plus(urlLifetime));
            byId.put(issued.attachmentId(), issued);
            return issued;
        });
    }

    Issued issued(String attachmentId) {
        return byId.get(attachmentId);
    }

    boolean isIssued(String attachmentId) {
        return byId.containsKey(attachmentId);
    }

    boolean isUploaded(String attachmentId) {
        return uploads.containsKey(attachmentId);
    }

    Path newUploadFile() throws IOException {
        return Files.createTempFile(folder, "upload", ".bin");
    }

    void uploaded(String attachmentId, Path file) {
        Path earlier = uploads.put(attachmentId, file);
        if (earlier != null && !earlier.equals(file)) {
            try {
                Files.deleteIfExists(earlier);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the folder
            }
        }
    }

    Path upload(String attachmentId) {
        return uploads.get(attachmentId);
    }

    void clear() {
        byClientToken.clear();
        byId.clear();
        uploads.values().forEach(file -> file.toFile().delete());
        uploads.clear();
    }

    @Override
    public void close() {
        clear();
        folder.toFile().delete();
    }
}
