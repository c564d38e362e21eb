/**
 * What the component's operations put in the message body (results, which camel-jackson marshals) and the request
 * class a route may hand to completeAttachmentUpload.
 */
package io.github.connectparticipant.camel.model;
