package io.switchboard.bench.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void directChatsHaveOneSenderPerPair() {
        Topology cut = Topology.of("r", 10_001, 2, 0.5);
        assertThat(cut.connections()).isEqualTo(10_000);
        assertThat(cut.conversations()).isEqualTo(5_000);
        assertThat(cut.sendersPerConversation()).isEqualTo(1);
        assertThat(cut.senders()).hasSize(5_000).startsWith(0, 2, 4);
    }

    @Test
    void groupsOfFiftyHaveFiveSendersSpreadAcrossConversations() {
        Topology cut = Topology.of("r", 10_000, 50, 0.1);
        assertThat(cut.conversations()).isEqualTo(200);
        assertThat(cut.senders()).hasSize(1_000).startsWith(0, 50, 100);
        assertThat(cut.senders()[200]).isEqualTo(1);
        assertThat(cut.conversation(149)).isEqualTo(2);
        assertThat(cut.position(149)).isEqualTo(49);
    }

    @Test
    void atLeastOneAndAtMostEveryMemberSends() {
        assertThat(Topology.of("r", 100, 50, 0.0).sendersPerConversation()).isEqualTo(1);
        assertThat(Topology.of("r", 100, 2, 3.0).sendersPerConversation()).isEqualTo(2);
    }

    @Test
    void usersAreUniquePerRun() {
        assertThat(Topology.of("abc", 4, 2, 0.5).user(3)).isEqualTo("bench-abc-3");
    }

    @Test
    void rejectsConversationsOfOneAndTooFewConnections() {
        assertThatThrownBy(() -> Topology.of("r", 10, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topology.of("r", 10, 50, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
