/**
 * conversations: direct and group conversations, their members and their messages. Each message gets the next
 * per-conversation {@code seq} in the transaction that stores it, under a row lock on the conversation, so seq has no
 * gaps and no repeats; {@code (sender, clientMessageId)} is unique, which makes a send idempotent. Sends that arrive
 * together share one transaction (group commit).
 */
package io.switchboard.conversations;
