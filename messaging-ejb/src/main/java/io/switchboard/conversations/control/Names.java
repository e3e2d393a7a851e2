package io.switchboard.conversations.control;

import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;

/** The rules for the user ids and conversation names that clients hand in. */
public final class Names {

    public static final int MAX_USER_LENGTH = 128;
    public static final int MAX_GROUP_NAME_LENGTH = 200;

    private Names() {
    }

    public static String user(String field, String user) {
        if (user == null || user.isBlank()) {
            throw new Refusal(ErrorCode.MISSING_FIELD, field + " must name a user.");
        }
        if (user.length() > MAX_USER_LENGTH || user.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal(ErrorCode.INVALID_FIELD, field + " must be a user id of at most " + MAX_USER_LENGTH
                    + " characters without control characters.");
        }
        return user;
    }

    public static String groupName(String name) {
        if (name == null || name.isBlank()) {
            throw new Refusal(ErrorCode.MISSING_FIELD, "name is required for a group.");
        }
        if (name.length() > MAX_GROUP_NAME_LENGTH) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "name may have at most " + MAX_GROUP_NAME_LENGTH
                    + " characters.");
        }
        return name;
    }
}
