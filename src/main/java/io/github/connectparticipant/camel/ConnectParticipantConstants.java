package io.github.connectparticipant.camel;

import org.apache.camel.spi.Metadata;

/**
 * The message headers that the connectparticipant component reads and writes.
 */
public final class ConnectParticipantConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the one in the endpoint URI.",
              javaType = "io.github.connectparticipant.camel.ConnectParticipantOperations")
    public static final String OPERATION = "CamelConnectParticipantOperation";

    @Metadata(label = "producer",
              description = "The participant's connection token, sent as X-Amz-Bearer. Wins over the body and the"
                            + " connectionToken option. A secret: never logged.",
              javaType = "String", secret = true)
    public static final String CONNECTION_TOKEN = "CamelConnectParticipantConnectionToken";

    @Metadata(label = "producer",
              description = "The attachment ids to complete: a List of Strings, or a String holding one id or a comma-"
                            + " or newline-separated list. Wins over the ids in the body.",
              javaType = "List<String> or String")
    public static final String ATTACHMENT_IDS = "CamelConnectParticipantAttachmentIds";

    @Metadata(label = "producer",
              description = "A fixed idempotency token. completeAttachmentUpload: with one id it is sent as the"
                            + " ClientToken; with several, each id's token is derived from it. startAttachmentUpload,"
                            + " sendAttachment: sent with the first start; later tokens derive from it. Wins over the"
                            + " body and the clientToken option.",
              javaType = "String")
    public static final String CLIENT_TOKEN = "CamelConnectParticipantClientToken";

    @Metadata(label = "producer",
              description = "A stable key (a business key, a JMSMessageID) from which client tokens are derived when"
                            + " none is given; defaults to the message id. Never use the exchange id.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelConnectParticipantIdempotencyKey";

    @Metadata(label = "producer",
              description = "The service's request id (x-amzn-RequestId) of the last call the message made.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelConnectParticipantRequestId";

    @Metadata(label = "producer",
              description = "startAttachmentUpload, sendAttachment: the attachment's name (AttachmentName); defaults"
                            + " to the file's name (CamelFileName).",
              javaType = "String")
    public static final String ATTACHMENT_NAME = "CamelConnectParticipantAttachmentName";

    @Metadata(label = "producer",
              description = "startAttachmentUpload, sendAttachment: the attachment's size in bytes; defaults to the"
                            + " file's length. Required for a stream body.",
              javaType = "Long")
    public static final String ATTACHMENT_SIZE = "CamelConnectParticipantAttachmentSize";

    @Metadata(label = "producer",
              description = "startAttachmentUpload, sendAttachment: the attachment's content type, e.g. image/png;"
                            + " defaults to the type of the name's extension.",
              javaType = "String")
    public static final String CONTENT_TYPE = "CamelConnectParticipantContentType";

    @Metadata(label = "producer",
              description = "Out of startAttachmentUpload and sendAttachment: the attachment id the service handed out."
                            + " In to getAttachment: the attachment to get (else the body).",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelConnectParticipantAttachmentId";

    @Metadata(label = "producer",
              description = "Out of startAttachmentUpload: the pre-signed URL to PUT the bytes to.",
              javaType = "String")
    public static final String UPLOAD_URL = "CamelConnectParticipantUploadUrl";

    @Metadata(label = "producer", description = "Out of startAttachmentUpload: when the upload URL expires.",
              javaType = "java.time.Instant")
    public static final String UPLOAD_URL_EXPIRY = "CamelConnectParticipantUploadUrlExpiry";

    @Metadata(label = "producer",
              description = "Out of startAttachmentUpload: the headers the upload must carry, exactly.",
              javaType = "java.util.Map<String, String>")
    public static final String UPLOAD_HEADERS = "CamelConnectParticipantUploadHeaders";

    @Metadata(label = "producer", description = "Out of getAttachment: the URL the attachment downloads from.",
              javaType = "String")
    public static final String ATTACHMENT_URL = "CamelConnectParticipantAttachmentUrl";

    @Metadata(label = "producer", description = "Out of getAttachment: when the download URL expires.",
              javaType = "java.time.Instant")
    public static final String ATTACHMENT_URL_EXPIRY = "CamelConnectParticipantAttachmentUrlExpiry";

    private ConnectParticipantConstants() {
    }
}
