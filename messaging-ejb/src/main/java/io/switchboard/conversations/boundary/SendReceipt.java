package io.switchboard.conversations.boundary;

/** The answer to a send: the stored message, and whether it had been stored before (a repeated send). */
public record SendReceipt(MessageView message, boolean duplicate) {
}
