package io.switchboard.conversations.boundary;

import static io.switchboard.testing.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import io.switchboard.testing.Answers;
import io.switchboard.testing.InServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversations facade inside Liberty, with its real transactions and database: sends are numbered from 1
 * without gaps, a repeated send is answered with the original, and refused sends store nothing. Every test uses
 * users of its own, so the tests need no clean database and run in any order.
 */
@ExtendWith(ArquillianExtension.class)
public class ConversationsIT {

    static final int MAX_TEXT_LENGTH = 1000;

    @Deployment
    public static WebArchive deployment() {
        return InServer.deployment(ConversationsIT.class, Answers.class);
    }

    @Inject
    Conversations cut;

    @Inject
    Sends sends;

    String alice;
    String bob;
    String conversation;

    @BeforeEach
    void directConversation() {
        alice = user("alice");
        bob = user("bob");
        conversation = cut.createDirect(alice, bob).id();
    }

    @Test
    void sendsAreNumberedFromOneWithoutGaps() {
        List<SendReceipt> receipts = List.of(send(alice, "a-1", "one"), send(bob, "b-1", "two"),
                send(alice, "a-2", "three"));

        assertThat(receipts).extracting(r -> r.message().seq()).containsExactly(1L, 2L, 3L);
        assertThat(receipts).extracting(SendReceipt::duplicate).containsOnly(false);
        assertThat(stored()).extracting(MessageView::seq, MessageView::senderId, MessageView::text)
                .containsExactly(tuple(1L, alice, "one"), tuple(2L, bob, "two"), tuple(3L, alice, "three"));
        assertThat(cut.get(alice, conversation).lastSeq()).isEqualTo(3);
    }

    @Test
    void aRepeatedSendIsAnsweredWithTheOriginalAndStoresNothing() {
        SendReceipt original = send(alice, "a-1", "hello");
        send(alice, "a-2", "again");

        SendReceipt repeated = send(alice, "a-1", "hello");

        assertThat(repeated.duplicate()).isTrue();
        assertThat(repeated.message()).isEqualTo(original.message());
        assertThat(send(alice, "a-3", "next").message().seq()).isEqualTo(3);
        assertThat(stored()).extracting(MessageView::clientMessageId).containsExactly("a-1", "a-2", "a-3");
    }

    @Test
    void aClientMessageIdReusedForAnotherTextIsAConflict() {
        send(alice, "a-1", "hello");

        assertRefused(() -> send(alice, "a-1", "something else"), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(stored()).extracting(MessageView::text).containsExactly("hello");
    }

    @Test
    void aNonMemberCanNeitherSendNorRead() {
        String mallory = user("mallory");

        assertRefused(() -> send(mallory, "m-1", "let me in"), ErrorCode.NOT_MEMBER);
        assertRefused(() -> cut.history(mallory, conversation, new HistoryQuery(null, null, 10)),
                ErrorCode.NOT_MEMBER);
        assertThat(stored()).isEmpty();
    }

    @Test
    void anUnknownConversationIsRefused() {
        String unknown = "c-" + UUID.randomUUID();

        assertRefused(() -> await(sends.send(new SendCommand(alice, "a-1", unknown, "hello", Priority.NORMAL))),
                ErrorCode.UNKNOWN_CONVERSATION);
        assertRefused(() -> cut.history(alice, unknown, new HistoryQuery(null, null, 10)),
                ErrorCode.UNKNOWN_CONVERSATION);
    }

    @Test
    void textLongerThanTheLimitIsRefusedAndTakesNoSeq() {
        assertRefused(() -> send(alice, "a-1", "x".repeat(MAX_TEXT_LENGTH + 1)), ErrorCode.TEXT_TOO_LONG);
        assertRefused(() -> send(alice, "a-2", ""), ErrorCode.TEXT_EMPTY);

        SendReceipt atTheLimit = send(alice, "a-3", "x".repeat(MAX_TEXT_LENGTH));

        assertThat(atTheLimit.message().seq()).isEqualTo(1);
        assertThat(stored()).extracting(MessageView::clientMessageId).containsExactly("a-3");
    }

    @Test
    void aChangeOfMembersTakesEffectAtTheNextSend() {
        String carol = user("carol");
        String dave = user("dave");
        String group = cut.createGroup(alice, "team", List.of(carol)).id();
        await(sends.send(new SendCommand(carol, "c-1", group, "before", Priority.NORMAL)));

        cut.removeMember(alice, group, carol);
        cut.addMember(alice, group, dave);

        assertRefused(() -> await(sends.send(new SendCommand(carol, "c-2", group, "still here?", Priority.NORMAL))),
                ErrorCode.NOT_MEMBER);
        SendReceipt davesFirst = await(sends.send(new SendCommand(dave, "d-1", group, "hi", Priority.NORMAL)));
        assertThat(davesFirst.message().seq()).isEqualTo(2);
    }

    @Test
    void membersChangedByAnotherNodeTakeEffectAtTheNextSend() throws Exception {
        send(bob, "b-1", "cached now");

        // What another node's removal writes: the membership row goes, the members version rises.
        try (Connection connection = ((DataSource) new InitialContext().lookup("jdbc/switchboard")).getConnection();
                PreparedStatement leave = connection.prepareStatement(
                        "DELETE FROM sb_membership WHERE conversation_id = ? AND user_id = ?");
                PreparedStatement bump = connection.prepareStatement(
                        "UPDATE sb_conversation SET members_version = members_version + 1 WHERE id = ?")) {
            leave.setString(1, conversation);
            leave.setString(2, bob);
            leave.executeUpdate();
            bump.setString(1, conversation);
            bump.executeUpdate();
        }

        assertRefused(() -> send(bob, "b-2", "gone"), ErrorCode.NOT_MEMBER);
        assertThat(send(alice, "a-1", "alone").message().seq()).isEqualTo(2);
    }

    @Test
    void keysThisNodeNeverSawAreFoundThroughTheUniqueIndex() throws Exception {
        send(alice, "a-1", "mine");
        // What two sends through another node write: their message rows and the conversation's last seq.
        String first = "m-" + UUID.randomUUID();
        try (Connection connection = ((DataSource) new InitialContext().lookup("jdbc/switchboard")).getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sb_message (id, conversation_id, "
                        + "seq, sender_id, client_message_id, text, priority, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement advance = connection.prepareStatement(
                        "UPDATE sb_conversation SET last_seq = 3 WHERE id = ?")) {
            for (int seq = 2; seq <= 3; seq++) {
                insert.setString(1, seq == 2 ? first : "m-" + UUID.randomUUID());
                insert.setString(2, conversation);
                insert.setLong(3, seq);
                insert.setString(4, alice);
                insert.setString(5, "elsewhere-" + seq);
                insert.setString(6, "through the other node");
                insert.setString(7, "normal");
                insert.setTimestamp(8, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
            }
            advance.setString(1, conversation);
            advance.executeUpdate();
        }

        SendReceipt repeated = send(alice, "elsewhere-2", "through the other node");
        assertThat(repeated.duplicate()).isTrue();
        assertThat(repeated.message().id()).isEqualTo(first);
        assertRefused(() -> send(alice, "elsewhere-3", "another text"), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(send(alice, "a-2", "next").message().seq()).as("the refused attempts took no seq").isEqualTo(4);
        assertThat(stored()).extracting(MessageView::clientMessageId)
                .containsExactly("a-1", "elsewhere-2", "elsewhere-3", "a-2");
    }

    private SendReceipt send(String sender, String clientMessageId, String text) {
        return await(sends.send(new SendCommand(sender, clientMessageId, conversation, text, Priority.NORMAL)));
    }

    private List<MessageView> stored() {
        return cut.history(alice, conversation, new HistoryQuery(null, null, HistoryQuery.MAX_LIMIT)).messages();
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo(code));
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
