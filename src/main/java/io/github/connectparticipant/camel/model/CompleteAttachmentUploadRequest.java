package io.github.connectparticipant.camel.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A message body that says everything at once: the attachment ids to complete and, optionally, the connection token
 * and a fixed client token. Headers still win over its tokens.
 */
public class CompleteAttachmentUploadRequest {

    private List<String> attachmentIds = new ArrayList<>();
    private String connectionToken;
    private String clientToken;

    public CompleteAttachmentUploadRequest() {
    }

    public CompleteAttachmentUploadRequest(List<String> attachmentIds) {
        this.attachmentIds = attachmentIds;
    }

    public CompleteAttachmentUploadRequest(List<String> attachmentIds, String connectionToken, String clientToken) {
        this.attachmentIds = attachmentIds;
        this.connectionToken = connectionToken;
        this.clientToken = clientToken;
    }

    /** The attachment ids; the service takes one a call, so each makes its own call. */
    public List<String> getAttachmentIds() {
        return attachmentIds;
    }

    public void setAttachmentIds(List<String> attachmentIds) {
        this.attachmentIds = attachmentIds;
    }

    /** The participant's connection token, or null to use the header's or the endpoint's. */
    public String getConnectionToken() {
        return connectionToken;
    }

    public void setConnectionToken(String connectionToken) {
        this.connectionToken = connectionToken;
    }

    /** A fixed client token, or null to derive one per attachment. */
    public String getClientToken() {
        return clientToken;
    }

    public void setClientToken(String clientToken) {
        this.clientToken = clientToken;
    }

    @Override
    public String toString() {
        return "CompleteAttachmentUploadRequest[attachmentIds=" + attachmentIds + ", connectionToken="
                + (connectionToken == null ? "null" : "xxxxxx") + ", clientToken=" + clientToken + "]";
    }
}
