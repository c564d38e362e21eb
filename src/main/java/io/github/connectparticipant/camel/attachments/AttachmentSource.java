package io.github.connectparticipant.camel.attachments;

import java.io.File;
import java.io.InputStream;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * A file to attach: its name, size and content type, and its bytes, streamed from a file or a stream, never read
 * whole into memory (but when they came as bytes).
 */
public final class AttachmentSource {

    private final String name;
    private final long size;
    private final String contentType;
    private final File file;
    private final byte[] bytes;
    private final InputStream stream;

    private AttachmentSource(String name, long size, String contentType, File file, byte[] bytes, InputStream stream) {
        this.name = name;
        this.size = size;
        this.contentType = contentType;
        this.file = file;
        this.bytes = bytes;
        this.stream = stream;
    }

    public static AttachmentSource of(String name, long size, String contentType, Object content) {
        return new AttachmentSource(name, size, contentType, content instanceof File f ? f : null,
                content instanceof byte[] b ? b : null, content instanceof InputStream s ? s : null);
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether its bytes can be sent a second time, for a retried upload. A stream cannot. */
    public boolean repeatable() {
        return stream == null;
    }

    /** The bytes as a request entity; the content type goes in the headers the service asked for. */
    public HttpEntity entity() {
        if (file != null) {
            return new FileEntity(file, null);
        }
        if (bytes != null) {
            return new ByteArrayEntity(bytes, null);
        }
        return new InputStreamEntity(stream, size, null);
    }
}
