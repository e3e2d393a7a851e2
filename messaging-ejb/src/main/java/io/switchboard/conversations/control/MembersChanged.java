package io.switchboard.conversations.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A batch of sends was decided on cached members that another transaction has changed since. It rolls the batch
 * back; {@link GroupCommit} writes it again, with the members read afresh.
 */
@ApplicationException(rollback = true)
public class MembersChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MembersChanged(List<String> conversationIds) {
        super("the members of " + conversationIds + " changed since they were cached", null, false, false);
    }
}
