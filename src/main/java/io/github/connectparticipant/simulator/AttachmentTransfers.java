package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's stand-in for S3 behind the pre-signed URLs: the upload target checks the signature, the expiry,
 * the headers the service asked for and the length, as S3 does, and keeps the bytes in a file; the download URL
 * serves them back. Errors are S3's: a status and an XML body with a Code.
 */
final class AttachmentTransfers {

    static final String UPLOAD_PATH = "/upload/";
    static final String DOWNLOAD_PATH = "/download/";
    private static final String SIGNATURE = "X-Amz-Signature";

    private final AttachmentStore attachments;
    private final Ledger ledger;
    private final FaultInjector faults;
    private final Supplier<String> baseUrl;

    AttachmentTransfers(AttachmentStore attachments, Ledger ledger, FaultInjector faults, Supplier<String> baseUrl) {
        this.attachments = attachments;
        this.ledger = ledger;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    String uploadUrl(AttachmentStore.Issued issued) {
        return baseUrl.get() + UPLOAD_PATH + issued.attachmentId() + "?X-Amz-Expires=" + issued.urlExpiry()
                .getEpochSecond() + "&" + SIGNATURE + "=" + issued.uploadKey();
    }

    String downloadUrl(AttachmentStore.Issued issued) {
        return baseUrl.get() + DOWNLOAD_PATH + issued.attachmentId() + "?" + SIGNATURE + "=" + issued.uploadKey();
    }

    /** PUT of the attachment's bytes to its pre-signed URL. */
    void upload(HttpExchange exchange) throws IOException {
        String attachmentId = exchange.getRequestURI().getPath().substring(UPLOAD_PATH.length());
        Headers headers = exchange.getRequestHeaders();
        AttachmentStore.Issued issued = attachments.issued(attachmentId);
        long arrived = System.nanoTime();
        Refusal refusal = check(exchange, issued);
        int status = refusal == null ? 0 : refusal.status();
        String code = refusal == null ? null : refusal.code();
        Fault fault = refusal == null ? faults.next("upload:" + issued.name()) : null;
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            status = fault.status();
            code = fault.errorType() != null ? fault.errorType() : "InternalError";
        }
        long received = 0;
        if (status == 0) {
            Path file = attachments.newUploadFile();
            try (InputStream in = exchange.getRequestBody(); OutputStream out = Files.newOutputStream(file)) {
                received = in.transferTo(out);
            }
            if (received != issued.size()) {
                Files.deleteIfExists(file);
                status = 400;
                code = "IncompleteBody";
            } else {
                attachments.uploaded(attachmentId, file);
                status = 200;
            }
        } else {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        }
        ledger.record(new Ledger.Call("PUT " + UPLOAD_PATH, attachmentId, null, headers.containsKey("X-Amz-Bearer"),
                headers.containsKey("Authorization"), headers.getFirst("Content-Type"), "(" + received + " bytes)",
                status, code, arrived, System.nanoTime(), Ledger.caller(headers.getFirst("X-Amz-Bearer"))));
        if (status == 200) {
            exchange.getResponseHeaders().set("ETag", "\"" + UUID.randomUUID() + "\"");
            exchange.sendResponseHeaders(200, -1);
        } else {
            sendS3Error(exchange, status, code, message(code));
        }
    }

    private record Refusal(int status, String code) {
    }

    /** Why S3 would refuse this upload, or null when it would take it. */
    private static Refusal check(HttpExchange exchange, AttachmentStore.Issued issued) {
        if (!"PUT".equals(exchange.getRequestMethod())) {
            return refuse(405, "MethodNotAllowed");
        }
        if (issued == null) {
            return refuse(404, "NoSuchUpload");
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!issued.uploadKey().equals(query.get(SIGNATURE))) {
            return refuse(403, "SignatureDoesNotMatch");
        }
        if (Instant.now().isAfter(issued.urlExpiry())) {
            return refuse(403, "AccessDenied");
        }
        Headers headers = exchange.getRequestHeaders();
        // an x-amz-* header the URL did not sign, such as the service's bearer, is refused as unsigned
        for (String name : headers.keySet()) {
            if (name.toLowerCase().startsWith("x-amz-")
                    && issued.headersToInclude().keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                return refuse(403, "AccessDenied");
            }
        }
        for (Map.Entry<String, String> signed : issued.headersToInclude().entrySet()) {
            if (!signed.getValue().equals(headers.getFirst(signed.getKey()))) {
                return refuse(403, "SignatureDoesNotMatch");
            }
        }
        return null;
    }

    private static Refusal refuse(int status, String code) {
        return new Refusal(status, code);
    }

    /** GET of the bytes behind a download URL. */
    void download(HttpExchange exchange) throws IOException {
        String attachmentId = exchange.getRequestURI().getPath().substring(DOWNLOAD_PATH.length());
        AttachmentStore.Issued issued = attachments.issued(attachmentId);
        Path file = attachments.upload(attachmentId);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (issued == null || file == null) {
            sendS3Error(exchange, 404, "NoSuchKey", message("NoSuchKey"));
            return;
        }
        if (!issued.uploadKey().equals(query.get(SIGNATURE))) {
            sendS3Error(exchange, 403, "SignatureDoesNotMatch", message("SignatureDoesNotMatch"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", issued.contentType());
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    private static String message(String code) {
        return switch (code) {
            case "SignatureDoesNotMatch" -> "The request signature we calculated does not match the signature you "
                    + "provided. Check your key and signing method.";
            case "AccessDenied" -> "Request has expired, or there were headers present in the request which were "
                    + "not signed";
            case "IncompleteBody" -> "You did not provide the number of bytes specified by the Content-Length HTTP "
                    + "header";
            default -> code;
        };
    }

    private static void sendS3Error(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
