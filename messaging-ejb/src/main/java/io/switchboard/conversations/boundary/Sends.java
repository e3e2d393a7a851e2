package io.switchboard.conversations.boundary;

import io.switchboard.conversations.control.GroupCommit;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sending a message, the call made for every {@code message:send} frame. A CDI bean rather than a session bean like
 * {@link Conversations}: a send opens no transaction (each batch of the group commit has its own), and an EJB call
 * would cost every frame the container's invocation and Weld's activation of a request scope for it.
 */
@ApplicationScoped
public class Sends {

    @Inject
    GroupCommit groupCommit;

    @Inject
    @ConfigProperty(name = "switchboard.message.max-length", defaultValue = "1000")
    int maxTextLength;

    /**
     * Stores a message, or answers a repeated clientMessageId with the original. The text is checked at once; the
     * rest is decided in the group commit that stores it, so the answer completes after the commit, with the
     * receipt or with a {@link Refusal}.
     */
    public CompletionStage<SendReceipt> send(SendCommand command) {
        checkText(command.text());
        return groupCommit.submit(command);
    }

    /**
     * Like {@link #send(SendCommand)}, with the answer attached before the send is queued: it runs right after the
     * message's {@link MessageStored} observers and before those of any later message, so an answer handed to the
     * sender's delivery lane keeps its place among the pushes. A text refused at once throws, as above.
     */
    public void send(SendCommand command, BiConsumer<? super SendReceipt, ? super Throwable> answer) {
        checkText(command.text());
        groupCommit.submit(command, answer);
    }

    private void checkText(String text) {
        if (text.isEmpty()) {
            throw new Refusal(ErrorCode.TEXT_EMPTY, "text must not be empty.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxTextLength) {
            throw new Refusal(ErrorCode.TEXT_TOO_LONG, "text has " + length + " characters; the limit is "
                    + maxTextLength + ".");
        }
    }
}
