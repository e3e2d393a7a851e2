package io.switchboard.conversations.control;

import java.sql.SQLException;

/** Reads what a persistence failure was about, through whatever wrapping the container added. */
public final class Failures {

    private Failures() {
    }

    /** SQLState class 23: a unique or foreign key constraint refused the write (the same on Derby and PostgreSQL). */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
