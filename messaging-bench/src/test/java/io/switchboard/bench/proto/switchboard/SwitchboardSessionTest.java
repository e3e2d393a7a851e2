package io.switchboard.bench.proto.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.json.JsonReader;
import io.switchboard.bench.proto.Member;
import io.switchboard.bench.proto.RecordingEvents;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SwitchboardSessionTest {

    private final RecordingEvents peer = new RecordingEvents();
    private final SwitchboardSession cut = new SwitchboardSession(
            new Member(3, "bench-r-3", "c-1", "/ws?device=d-r-3", Map.of(), "t"), peer, 0);

    @BeforeEach
    void open() {
        cut.onOpen(peer);
    }

    private static String messageNew(long seq, String cmid, boolean redelivery) {
        return "{\"type\":\"message:new\",\"messageId\":\"m-" + seq + "\",\"conversationId\":\"c-1\",\"seq\":" + seq
                + ",\"senderId\":\"bench-r-2\",\"clientMessageId\":\"" + cmid + "\",\"text\":\"42|x\","
                + "\"priority\":\"normal\",\"sentAt\":\"2026-11-22T10:15:30.123Z\",\"redelivery\":" + redelivery + "}";
    }

    @Test
    void withADelayTheAcksOfAConversationAreGatheredIntoTheHighest() {
        var gathering = new SwitchboardSession(new Member(3, "bench-r-3", "c-1", "/ws?device=d-r-3", Map.of(), "t"),
                peer, 50_000_000L);
        gathering.onOpen(peer);
        gathering.onText(messageNew(1, "r-1", false));
        gathering.onText(messageNew(2, "r-2", false));
        assertThat(peer.written).as("nothing before the delay is up").isEmpty();

        peer.runLater();
        gathering.onText(messageNew(3, "r-3", false));
        peer.runLater();
        assertThat(peer.written).containsExactly(
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":2}",
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":3}");
    }

    @Test
    void helloMakesTheSessionReady() {
        cut.onText("{\"type\":\"hello\",\"sessionId\":\"s-1\",\"userId\":\"bench-r-3\",\"deviceId\":\"d-r-3\"}");
        assertThat(peer.events).containsExactly("ready 3");
    }

    @Test
    void joinNeedsNoRoundTrip() {
        cut.join();
        assertThat(peer.events).containsExactly("joined 3");
        assertThat(peer.written).isEmpty();
    }

    @Test
    void sendWritesAMessageSendFrame() {
        cut.send("r-1", "42|hello \"you\"");
        assertThat(JsonReader.parseObject(peer.written.get(0))).containsOnly(
                Map.entry("type", "message:send"), Map.entry("clientMessageId", "r-1"),
                Map.entry("conversationId", "c-1"), Map.entry("text", "42|hello \"you\""));
    }

    @Test
    void messageSentIsTheSendersAcknowledgement() {
        cut.onText("{\"type\":\"message:sent\",\"clientMessageId\":\"r-1\",\"messageId\":\"m-9\","
                + "\"conversationId\":\"c-1\",\"seq\":9,\"sentAt\":\"2026-11-22T10:15:30.123Z\"}");
        assertThat(peer.events).containsExactly("sent r-1 m-9");
    }

    private static String messageSent(long seq, String cmid) {
        return "{\"type\":\"message:sent\",\"clientMessageId\":\"" + cmid + "\",\"messageId\":\"m-" + seq
                + "\",\"conversationId\":\"c-1\",\"seq\":" + seq + ",\"sentAt\":\"2026-11-22T10:15:30.123Z\"}";
    }

    @Test
    void anOwnMessageTakesItsPlaceSoThatLaterPushesAreAcknowledged() {
        cut.onText(messageNew(1, "a", false));
        cut.onText(messageSent(2, "r-1"));
        cut.onText(messageNew(3, "c", false));
        assertThat(peer.written).as("the own message needs no ack; the push after it is acked past it").containsExactly(
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":1}",
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":3}");
    }

    @Test
    void anOwnMessageThatClosesAGapAcknowledgesWhatWaitedBehindIt() {
        cut.onText(messageNew(1, "a", false));
        cut.onText(messageNew(3, "c", false));
        cut.onText(messageSent(2, "r-1"));
        cut.onText(messageSent(2, "r-1"));
        assertThat(peer.written).as("an idempotent repeat of message:sent acks nothing").containsExactly(
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":1}",
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":3}");
        assertThat(peer.events).endsWith("sent r-1 m-2", "sent r-1 m-2");
    }

    @Test
    void everyDeliveryIsAcknowledgedCumulatively() {
        cut.onText(messageNew(1, "a", false));
        cut.onText(messageNew(3, "c", false));
        cut.onText(messageNew(2, "b", false));
        assertThat(peer.written).containsExactly(
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":1}",
                "{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":3}");
        assertThat(peer.events).containsExactly("delivered c-1 a 42|x", "delivered c-1 c 42|x",
                "delivered c-1 b 42|x");
    }

    @Test
    void aRedeliveryIsReportedAndAcknowledgedAgain() {
        cut.onText(messageNew(1, "a", false));
        cut.onText(messageNew(1, "a", true));
        assertThat(peer.written).hasSize(2);
        assertThat(peer.events).last().isEqualTo("delivered c-1 a 42|x again");
    }

    @Test
    void anErrorAnsweringASendFailsThatSend() {
        cut.onText("{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"slow down\",\"temporary\":true,"
                + "\"ref\":\"r-7\",\"frameType\":\"message:send\"}");
        cut.onText("{\"type\":\"error\",\"code\":\"not_member\",\"message\":\"no\",\"temporary\":false,"
                + "\"ref\":null,\"frameType\":\"message:ack\"}");
        assertThat(peer.events).containsExactly("failed r-7 rate_limited", "protocol error error not_member: no");
    }

    @Test
    void syncGapIsReportedAndTheCursorSkipsTheRange() {
        cut.onText(messageNew(1, "a", false));
        cut.onText("{\"type\":\"sync:gap\",\"conversationId\":\"c-1\",\"fromSeq\":2,\"toSeq\":30}");
        assertThat(peer.written).last().isEqualTo("{\"type\":\"message:ack\",\"conversationId\":\"c-1\",\"seq\":30}");
        assertThat(peer.events).last().isEqualTo("protocol error sync:gap c-1 2..30");
    }

    @Test
    void unreadableFramesAreCountedAndUnknownTypesIgnored() {
        cut.onText("not json");
        cut.onText("{\"type\":\"presence:changed\",\"userId\":\"x\"}");
        cut.onText("{\"type\":\"pong\"}");
        assertThat(peer.events).hasSize(1).first().asString().startsWith("protocol error unreadable frame");
    }

    @Test
    void aSendOnAClosedSocketFailsAtOnce() {
        peer.open = false;
        cut.send("r-2", "x");
        assertThat(peer.events).containsExactly("failed r-2 not connected");
    }
}
