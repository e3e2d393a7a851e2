package io.switchboard.bench.proto.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.bench.json.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketIoPacketTest {

    @Test
    void decodesTheEngineIoOpenPacket() {
        SocketIoPacket p = SocketIoPacket.decode("0{\"sid\":\"abc\",\"pingInterval\":25000,\"pingTimeout\":20000}");
        assertThat(p.engineType()).isEqualTo(SocketIoPacket.OPEN);
        assertThat(p.socketType()).isEqualTo(-1);
        assertThat(JsonReader.parseObject(p.data())).containsEntry("pingInterval", 25000L);
    }

    @Test
    void decodesPingAndClose() {
        assertThat(SocketIoPacket.decode("2").engineType()).isEqualTo(SocketIoPacket.PING);
        assertThat(SocketIoPacket.decode("1").engineType()).isEqualTo(SocketIoPacket.CLOSE);
    }

    @Test
    void decodesConnectAndConnectError() {
        SocketIoPacket ok = SocketIoPacket.decode("40{\"sid\":\"x1\"}");
        assertThat(ok.socketType()).isEqualTo(SocketIoPacket.CONNECT);
        assertThat(ok.namespace()).isEqualTo("/");
        SocketIoPacket refused = SocketIoPacket.decode("44{\"message\":\"unauthorized\"}");
        assertThat(refused.socketType()).isEqualTo(SocketIoPacket.CONNECT_ERROR);
        assertThat(refused.data()).contains("unauthorized");
    }

    @Test
    void decodesABroadcastEventWithoutAckId() {
        SocketIoPacket p = SocketIoPacket.decode("42[\"message\",{\"id\":\"b-1\",\"text\":\"hi\"}]");
        assertThat(p.socketType()).isEqualTo(SocketIoPacket.EVENT);
        assertThat(p.ackId()).isEqualTo(-1);
        assertThat(JsonReader.parse(p.data())).isEqualTo(List.of("message", Map.of("id", "b-1", "text", "hi")));
    }

    @Test
    void decodesAnAckWithItsId() {
        SocketIoPacket p = SocketIoPacket.decode("4317[{\"id\":\"b-9\",\"ts\":1763806530123}]");
        assertThat(p.socketType()).isEqualTo(SocketIoPacket.ACK);
        assertThat(p.ackId()).isEqualTo(17);
        assertThat(p.data()).isEqualTo("[{\"id\":\"b-9\",\"ts\":1763806530123}]");
    }

    @Test
    void decodesANamespaceBeforeTheAckId() {
        SocketIoPacket p = SocketIoPacket.decode("42/admin,5[\"x\"]");
        assertThat(p.namespace()).isEqualTo("/admin");
        assertThat(p.ackId()).isEqualTo(5);
        assertThat(p.data()).isEqualTo("[\"x\"]");
    }

    @Test
    void encodesConnectWithTheTokenInTheAuthObject() {
        assertThat(SocketIoPacket.connect("a.b\"c")).isEqualTo("40{\"token\":\"a.b\\\"c\"}");
    }

    @Test
    void encodesAnEventAskingForAnAck() {
        assertThat(SocketIoPacket.event(3, "join", "\"r-1\"")).isEqualTo("423[\"join\",\"r-1\"]");
        SocketIoPacket back = SocketIoPacket.decode(SocketIoPacket.event(12, "send", "{\"room\":\"r\"}"));
        assertThat(back.ackId()).isEqualTo(12);
        assertThat(JsonReader.parse(back.data())).isEqualTo(List.of("send", Map.of("room", "r")));
        assertThat(SocketIoPacket.pong()).isEqualTo("3");
    }

    @Test
    void rejectsWhatIsNotAPacket() {
        assertThatThrownBy(() -> SocketIoPacket.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketIoPacket.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketIoPacket.decode("4x")).isInstanceOf(IllegalArgumentException.class);
    }
}
