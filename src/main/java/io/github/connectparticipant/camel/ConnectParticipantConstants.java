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

    @Metadata(label = "producer,consumer",
            description = "The attachment ids to complete: a List of Strings, or a String holding one id or a comma-"
                    + " or newline-separated list. Wins over the ids in the body. The chat consumer: the ids of the"
                    + " item's Attachments, a List of Strings (empty without).",
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

    @Metadata(label = "producer,consumer",
            description = "startAttachmentUpload, sendAttachment: the attachment's content type, e.g. image/png;"
                    + " defaults to the type of the name's extension. sendMessage: the message's content type"
                    + " (text/plain by default; text/markdown, application/json,"
                    + " application/vnd.amazonaws.connect.message.interactive.response). sendEvent: the event,"
                    + " e.g. application/vnd.amazonaws.connect.event.typing (required). The chat consumer: the"
                    + " item's ContentType.",
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

    @Metadata(label = "producer",
            description = "The participant token (from StartChatContact), used when the message carries no"
                    + " connection token: the component makes a connection token from it and keeps it until"
                    + " shortly before it expires. Wins over the participantToken option.",
            javaType = "String", secret = true)
    public static final String PARTICIPANT_TOKEN = "CamelConnectParticipantParticipantToken";

    @Metadata(label = "producer", description = "Out of sendMessage and sendEvent: the id the service gave the item.",
            javaType = "String")
    public static final String MESSAGE_ID = "CamelConnectParticipantMessageId";

    @Metadata(label = "producer,consumer",
            description = "Out of sendMessage and sendEvent, and the chat consumer's items: when the item was sent"
                    + " (ISO 8601).",
            javaType = "String")
    public static final String ABSOLUTE_TIME = "CamelConnectParticipantAbsoluteTime";

    @Metadata(label = "producer,consumer",
            description = "getTranscript: the contact whose transcript to read; the current one when not set. The"
                    + " chat consumer: the contact (chat) the item belongs to.",
            javaType = "String")
    public static final String CONTACT_ID = "CamelConnectParticipantContactId";

    @Metadata(label = "producer", description = "getTranscript: the most items a page holds, 0 to 100 (10 when not"
            + " set).",
            javaType = "Integer")
    public static final String MAX_RESULTS = "CamelConnectParticipantMaxResults";

    @Metadata(label = "producer", description = "getTranscript: in, the page to read (from an earlier answer); out, the"
            + " token of the next page, absent after the last one.",
            javaType = "String")
    public static final String NEXT_TOKEN = "CamelConnectParticipantNextToken";

    @Metadata(label = "producer", description = "getTranscript: FORWARD or BACKWARD from the start position.",
            javaType = "String", enums = "FORWARD,BACKWARD")
    public static final String SCAN_DIRECTION = "CamelConnectParticipantScanDirection";

    @Metadata(label = "producer", description = "getTranscript: ASCENDING or DESCENDING.", javaType = "String",
            enums = "ASCENDING,DESCENDING")
    public static final String SORT_ORDER = "CamelConnectParticipantSortOrder";

    @Metadata(label = "producer", description = "getTranscript: start at the item with this id (one start position at"
            + " most).",
            javaType = "String")
    public static final String START_POSITION_ID = "CamelConnectParticipantStartPositionId";

    @Metadata(label = "producer", description = "getTranscript: start at this time, ISO 8601 (one start position at"
            + " most).",
            javaType = "String")
    public static final String START_POSITION_ABSOLUTE_TIME = "CamelConnectParticipantStartPositionAbsoluteTime";

    @Metadata(label = "producer", description = "getTranscript: start this many items before the most recent, 0 to 100"
            + " (one start position at most).",
            javaType = "Integer")
    public static final String START_POSITION_MOST_RECENT = "CamelConnectParticipantStartPositionMostRecent";

    @Metadata(label = "producer", description = "describeView: the view token from the interactive message.",
            javaType = "String")
    public static final String VIEW_TOKEN = "CamelConnectParticipantViewToken";

    @Metadata(label = "producer", description = "getAuthenticationUrl, cancelParticipantAuthentication: the session id"
            + " of the authentication (from the authentication.initiated event).",
            javaType = "String")
    public static final String SESSION_ID = "CamelConnectParticipantSessionId";

    @Metadata(label = "producer", description = "getAuthenticationUrl: where the authentication returns to.",
            javaType = "String")
    public static final String REDIRECT_URI = "CamelConnectParticipantRedirectUri";

    @Metadata(label = "producer", description = "Out of getAuthenticationUrl: the URL that authenticates the customer.",
            javaType = "String")
    public static final String AUTHENTICATION_URL = "CamelConnectParticipantAuthenticationUrl";

    @Metadata(label = "producer", description = "Out of createParticipantConnection: when the connection token"
            + " expires (the token itself is only in the body, never a header).",
            javaType = "java.time.Instant")
    public static final String CONNECTION_EXPIRY = "CamelConnectParticipantConnectionExpiry";

    @Metadata(label = "producer", description = "Out of createParticipantConnection with WEBSOCKET: the websocket URL"
            + " (connect within 100 s).",
            javaType = "String")
    public static final String WEBSOCKET_URL = "CamelConnectParticipantWebsocketUrl";

    @Metadata(label = "producer", description = "Out of createParticipantConnection with WEBSOCKET: when the websocket"
            + " URL expires.",
            javaType = "java.time.Instant")
    public static final String WEBSOCKET_EXPIRY = "CamelConnectParticipantWebsocketExpiry";

    private ConnectParticipantConstants() {
    }

    // the chat consumer's headers, one exchange per item of the chat; with ContentType, AbsoluteTime, ContactId and
    // AttachmentIds above

    @Metadata(label = "consumer", description = "The chat item's id (Id).", javaType = "String")
    public static final String ITEM_ID = "CamelConnectParticipantItemId";
    @Metadata(label = "consumer",
            description = "The chat item's type (Type): MESSAGE, EVENT, ATTACHMENT or MESSAGEMETADATA.",
            javaType = "String")
    public static final String ITEM_TYPE = "CamelConnectParticipantItemType";
    @Metadata(label = "consumer",
            description = "The chat item's role of its participant (ParticipantRole): AGENT, CUSTOMER, SYSTEM,"
                    + " CUSTOM_BOT or SUPERVISOR.",
            javaType = "String")
    public static final String PARTICIPANT_ROLE = "CamelConnectParticipantParticipantRole";
    @Metadata(label = "consumer", description = "The chat item's display name of its participant (DisplayName).",
            javaType = "String")
    public static final String DISPLAY_NAME = "CamelConnectParticipantDisplayName";
}
