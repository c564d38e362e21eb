/**
 * The attachment operations: attachment ids read from any message and completed one call each, and the whole flow for
 * a file (start, the upload to the pre-signed URL, complete). Internal to the component: not part of its API, and it
 * may change in any release.
 */
package io.github.connectparticipant.camel.attachments;
