/**
 * Following a chat over the participant's websocket: the socket's protocol (subscribe, heartbeats, item frames), its
 * replacement when it fails or falls silent, gaps filled from the transcript, and the items handed on once each, in
 * order. The Camel consumer on top is ConnectParticipantChatConsumer.
 */
package io.github.connectparticipant.camel.chat;
