package io.switchboard.delivery.boundary;

import static io.switchboard.testing.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.switchboard.conversations.boundary.Conversations;
import io.switchboard.conversations.boundary.MessageView;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.boundary.Sends;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.delivery.control.Connection;
import io.switchboard.delivery.control.DeviceSession;
import io.switchboard.delivery.control.DeviceTable.DeviceKey;
import io.switchboard.testing.Answers;
import io.switchboard.testing.InServer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Closing sessions in the server: the thread that closes one (a socket loop of the own transport) never waits for the
 * database, and what the devices acknowledged is written all the same.
 */
@ExtendWith(ArquillianExtension.class)
public class DeliveryHubIT {

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(DeliveryHubIT.class, Answers.class, Device.class);
    }

    @Inject
    DeliveryHub cut;

    @Inject
    CursorWrites writes;

    @Inject
    Conversations conversations;

    @Inject
    Sends sends;

    @Resource(lookup = "jdbc/switchboard")
    DataSource dataSource;

    @Test
    void closesReturnWhileTheCursorTableIsLockedAndTheirAcksAreWrittenOnceItIsFree() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String conversation = conversations.createDirect(alice, "bob-" + UUID.randomUUID()).id();
        await(sends.send(new SendCommand(alice, "k-1", conversation, "hello", Priority.NORMAL)));
        List<DeviceSession> sessions = new ArrayList<>();
        for (String device : List.of("phone", "laptop", "tablet")) {
            DeviceSession session = cut.openAll(List.of(new DeliveryHub.Opening(new Device(alice, device),
                    Map.of()))).get(0);
            session.ack(conversation, 1);
            eventually(() -> writes.unsaved().of(new DeviceKey(alice, device)).containsKey(conversation));
            sessions.add(session);
        }

        try (java.sql.Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE sb_device_cursor IN EXCLUSIVE MODE");
            }
            // Before, each close wrote its cursor on the closing thread and waited here for the lock. The lock is
            // given up well inside Derby's lock timeout, so that the writes waiting for it succeed.
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> sessions.forEach(cut::close),
                    "the closes waited for the database");
            lock.commit();
        }

        for (String device : List.of("phone", "laptop", "tablet")) {
            eventually(() -> storedCursor(alice, device, conversation) == 1);
            assertThat(writes.unsaved().of(new DeviceKey(alice, device))).as("written, so no longer held in memory")
                    .isEmpty();
        }
    }

    private long storedCursor(String user, String device, String conversation) {
        try (java.sql.Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT acked_seq FROM sb_device_cursor "
                     + "WHERE user_id = ? AND device_id = ? AND conversation_id = ?")) {
            select.setString(1, user);
            select.setString(2, device);
            select.setString(3, conversation);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A device's connection that takes every frame and keeps none. */
    record Device(String userId, String deviceId) implements Connection {

        @Override
        public String sessionId() {
            return userId + "/" + deviceId;
        }

        @Override
        public void deliver(MessageView message, boolean redelivery) {
        }

        @Override
        public void gap(Backlog.Gap gap) {
        }

        @Override
        public void cursors(Map<String, Long> cursors) {
        }

        @Override
        public int room() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void close(Disconnect reason) {
        }
    }
}
