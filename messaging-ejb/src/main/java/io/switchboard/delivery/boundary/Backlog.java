package io.switchboard.delivery.boundary;

import io.switchboard.conversations.boundary.MessageView;
import java.util.List;
import java.util.Optional;

/**
 * What a device is owed in one conversation: a gap it must page from history (the replay bound was passed) and
 * then the messages to push, in seq order.
 */
public record Backlog(Optional<Gap> gap, List<MessageView> messages) {

    public record Gap(String conversationId, long fromSeq, long toSeq) {
    }
}
