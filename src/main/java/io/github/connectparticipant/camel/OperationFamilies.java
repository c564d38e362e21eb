package io.github.connectparticipant.camel;

import io.github.connectparticipant.camel.attachments.AttachmentCompletion;
import io.github.connectparticipant.camel.attachments.AttachmentDownloads;
import io.github.connectparticipant.camel.attachments.AttachmentSending;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import io.github.connectparticipant.camel.messages.ChatMessaging;
import io.github.connectparticipant.camel.transcript.TranscriptReading;

/**
 * What a producer's operations are performed with, made when it starts: the readers of a message's inputs and
 * tokens, and each family of operations over the endpoint's service client.
 */
record OperationFamilies(ConnectParticipantConfiguration configuration, MessageTokens tokens,
        AttachmentRequestReader attachmentRequests, AttachmentSources attachmentSources,
        AttachmentCompletion attachmentCompletion, AttachmentSending attachmentSending,
        AttachmentDownloads attachmentDownloads, ChatMessaging messaging,
        TranscriptReading transcripts, ParticipantConnections connections, ChatFollowing chatFollowing) {
}
