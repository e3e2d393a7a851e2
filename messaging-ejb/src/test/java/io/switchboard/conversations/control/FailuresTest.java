package io.switchboard.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aUniqueViolationIsFoundThroughWrapping() {
        var violation = new SQLException("duplicate key", "23505");
        assertThat(Failures.isConstraintViolation(new RuntimeException(new IllegalStateException(violation))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotViolations() {
        assertThat(Failures.isConstraintViolation(new RuntimeException(new SQLException("gone", "08006"))))
                .isFalse();
        assertThat(Failures.isConstraintViolation(new RuntimeException("plain"))).isFalse();
    }
}
