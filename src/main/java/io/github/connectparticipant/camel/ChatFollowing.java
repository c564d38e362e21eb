package io.github.connectparticipant.camel;

import java.util.function.Supplier;

/**
 * followChat and unfollowChat: they hand the participant token to the connectparticipant:chats consumer of the
 * producer's service, which follows (or stops following) that chat.
 */
final class ChatFollowing {

    private final Supplier<ConnectParticipantChatConsumer> chatsConsumer;

    ChatFollowing(Supplier<ConnectParticipantChatConsumer> chatsConsumer) {
        this.chatsConsumer = chatsConsumer;
    }

    void follow(String participantToken) {
        consumer().follow(participantToken);
    }

    void unfollow(String participantToken) {
        consumer().unfollow(participantToken);
    }

    private ConnectParticipantChatConsumer consumer() {
        ConnectParticipantChatConsumer consumer = chatsConsumer.get();
        if (consumer == null) {
            throw new ConnectParticipantInvalidInputException("no connectparticipant:chats consumer of this service"
                    + " is running: start the route that consumes from it before following chats");
        }
        return consumer;
    }
}
