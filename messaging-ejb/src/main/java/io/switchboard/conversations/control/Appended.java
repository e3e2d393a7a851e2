package io.switchboard.conversations.control;

import io.switchboard.conversations.boundary.SendReceipt;
import io.switchboard.platform.Refusal;
import java.util.List;

/**
 * What became of one send in a batch: a receipt, or the refusal a client can act on. A newly stored message
 * carries its conversation's members, to whom it is pushed after the commit; a repeat carries none.
 */
public record Appended(SendReceipt receipt, Refusal refusal, List<String> members) {

    static Appended stored(SendReceipt receipt, List<String> members) {
        return new Appended(receipt, null, members);
    }

    static Appended repeated(SendReceipt receipt) {
        return new Appended(receipt, null, List.of());
    }

    static Appended refused(Refusal refusal) {
        return new Appended(null, refusal, List.of());
    }

    public boolean isNew() {
        return receipt != null && !receipt.duplicate();
    }
}
