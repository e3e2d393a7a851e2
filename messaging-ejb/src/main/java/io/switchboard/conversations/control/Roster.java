package io.switchboard.conversations.control;

import java.util.List;

/** A conversation's members as read at one members version. */
record Roster(long version, List<String> members) {

    boolean includes(String user) {
        return members.contains(user);
    }
}
