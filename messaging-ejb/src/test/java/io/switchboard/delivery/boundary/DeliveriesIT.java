package io.switchboard.delivery.boundary;

import static io.switchboard.testing.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.conversations.boundary.Conversations;
import io.switchboard.conversations.boundary.Sends;
import io.switchboard.conversations.boundary.SendCommand;
import io.switchboard.conversations.control.MessageIds;
import io.switchboard.conversations.entity.Priority;
import io.switchboard.delivery.control.CursorTable.Cursor;
import io.switchboard.delivery.control.DeviceTable.DeviceKey;
import io.switchboard.testing.Answers;
import io.switchboard.testing.InServer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stored side of delivery against the database: a connect only reads, and the batched save writes cursors
 * (forward only) and the devices' first and last sighting in one go.
 */
@ExtendWith(ArquillianExtension.class)
public class DeliveriesIT {

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(DeliveriesIT.class, Answers.class);
    }

    @Inject
    Deliveries cut;

    @Inject
    Conversations conversations;

    @Inject
    Sends sends;

    @Resource(lookup = "jdbc/switchboard")
    DataSource dataSource;

    String alice;
    String conversation;

    @BeforeEach
    void threeMessages() {
        alice = "alice-" + UUID.randomUUID();
        conversation = conversations.createDirect(alice, "bob-" + UUID.randomUUID()).id();
        for (int i = 1; i <= 3; i++) {
            await(sends.send(new SendCommand(alice, "a-" + i, conversation, "message " + i, Priority.NORMAL)));
        }
    }

    @Test
    void connectAnswersTheStatedCursorElseTheHigherOfStoredAndUnsavedAndWritesNothing() throws SQLException {
        cut.saveProgress(List.of(new Cursor(alice, "phone", conversation, 1)), List.of());

        assertThat(connect(alice, "phone", Map.of(), Map.of()).get(conversation))
                .isEqualTo(new Deliveries.Position(1, 3));
        assertThat(connect(alice, "phone", Map.of(conversation, 2L), Map.of()).get(conversation))
                .as("an ack not yet written counts").isEqualTo(new Deliveries.Position(2, 3));
        assertThat(connect(alice, "phone", Map.of(conversation, 0L), Map.of()).get(conversation))
                .as("and never moves the cursor back").isEqualTo(new Deliveries.Position(1, 3));
        assertThat(connect(alice, "phone", Map.of(conversation, 3L), Map.of(conversation, 2L)).get(conversation))
                .as("the device's own statement comes first").isEqualTo(new Deliveries.Position(2, 3));
        assertThat(connect(alice, "phone", Map.of(), Map.of(conversation, 2L)).get(conversation))
                .isEqualTo(new Deliveries.Position(2, 3));
        assertThat(connect(alice, "phone", Map.of(), Map.of(conversation, 9L)).get(conversation))
                .as("a stated cursor past the end is capped at the last seq")
                .isEqualTo(new Deliveries.Position(3, 3));
        assertThat(sighting(alice, "phone")).as("a connect leaves the device table to the next save").isEmpty();
    }

    @Test
    void connectsReadTogetherAreAnsweredEachForItsOwnDeviceInTheirOrder() {
        String carol = "carol-" + UUID.randomUUID();
        String group = conversations.createGroup(carol, "group", List.of(alice)).id();
        cut.saveProgress(List.of(new Cursor(alice, "phone", conversation, 2), new Cursor(carol, "tablet", group, 0)),
                List.of());

        List<Map<String, Deliveries.Position>> answers = cut.connectAll(List.of(
                new Deliveries.Connecting(carol, "tablet", Map.of(), Map.of()),
                new Deliveries.Connecting(alice, "phone", Map.of(), Map.of()),
                new Deliveries.Connecting(alice, "laptop", Map.of(), Map.of(conversation, 1L))));

        assertThat(answers.get(0)).as("carol is in the group only").isEqualTo(Map.of(group,
                new Deliveries.Position(0, 0)));
        assertThat(answers.get(1)).as("alice's phone").isEqualTo(Map.of(conversation,
                new Deliveries.Position(2, 3), group, new Deliveries.Position(0, 0)));
        assertThat(answers.get(2)).as("alice's laptop, which stated its cursor").isEqualTo(Map.of(conversation,
                new Deliveries.Position(1, 3), group, new Deliveries.Position(0, 0)));
    }

    @Test
    void aCursorOnlyMovesForward() {
        cut.saveProgress(List.of(new Cursor(alice, "phone", conversation, 3)), List.of());
        cut.saveProgress(List.of(new Cursor(alice, "phone", conversation, 2)), List.of());

        assertThat(connect(alice, "phone", Map.of(), Map.of()).get(conversation).cursor()).isEqualTo(3);
    }

    @Test
    void aSaveRecordsNewDevicesAndMovesTheLastSightingOfKnownOnes() throws Exception {
        cut.saveProgress(List.of(), List.of(new DeviceKey(alice, "phone")));
        Sighting first = sighting(alice, "phone").orElseThrow();
        assertThat(first.lastSeen()).isEqualTo(first.firstSeen());

        Thread.sleep(20);
        cut.saveProgress(List.of(new Cursor(alice, "laptop", conversation, 2)),
                List.of(new DeviceKey(alice, "phone"), new DeviceKey(alice, "laptop"), new DeviceKey(alice, "phone")));

        Sighting again = sighting(alice, "phone").orElseThrow();
        assertThat(again.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(again.lastSeen()).isAfter(first.lastSeen());
        assertThat(sighting(alice, "laptop")).isPresent();
        assertThat(connect(alice, "laptop", Map.of(), Map.of()).get(conversation).cursor()).isEqualTo(2);
    }

    @Test
    void expiryDeletesTheMessagesPastTheRetentionAgeAndNoYoungerOne() throws SQLException {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        // An id below the time bound (made in another layout) whose message is young: the time keeps it.
        storeDirectly("m-00000000-0000-4000-8000-" + UUID.randomUUID().toString().substring(24), 101, Instant.now());
        // A message id of the old millisecond, in the layout the server makes.
        storeDirectly(MessageIds.floor(old).replace("-0000-0000-", "-7000-8000-"), 102, old);

        cut.expire();

        assertThat(seqsOf(conversation)).as("the three sent now, and the young one under the bound")
                .containsExactly(1L, 2L, 3L, 101L);
    }

    private void storeDirectly(String id, long seq, Instant sentAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sb_message (id, conversation_id, "
                     + "seq, sender_id, client_message_id, text, priority, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, conversation);
            insert.setLong(3, seq);
            insert.setString(4, alice);
            insert.setString(5, "direct-" + seq);
            insert.setString(6, "stored at " + sentAt);
            insert.setString(7, "normal");
            insert.setTimestamp(8, Timestamp.from(sentAt));
            insert.executeUpdate();
        }
    }

    private List<Long> seqsOf(String conversationId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seq FROM sb_message WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, conversationId);
            var seqs = new ArrayList<Long>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                }
            }
            return seqs;
        }
    }

    private Optional<Sighting> sighting(String user, String device) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT first_seen_at, last_seen_at FROM sb_device WHERE user_id = ? AND device_id = ?")) {
            select.setString(1, user);
            select.setString(2, device);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Sighting(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }

    record Sighting(Instant firstSeen, Instant lastSeen) {
    }

    private Map<String, Deliveries.Position> connect(String user, String device, Map<String, Long> unsaved,
            Map<String, Long> stated) {
        return cut.connectAll(List.of(new Deliveries.Connecting(user, device, unsaved, stated))).get(0);
    }
}
