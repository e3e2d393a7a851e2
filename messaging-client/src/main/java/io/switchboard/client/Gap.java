package io.switchboard.client;

/** Messages {@code fromSeq}..{@code toSeq} (inclusive) of a conversation that must be paged from history. */
public record Gap(String conversationId, long fromSeq, long toSeq) {
}
