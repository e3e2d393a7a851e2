package io.switchboard.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connect read benchmark reads what a connect needs: the device's cursor and the conversation's last seq. */
class ConnectReadBenchmarkTest {

    @Test
    void eachReadFindsTheUsersConversationWithTheDevicesCursor() throws Exception {
        var cut = new ConnectReadBenchmark();
        cut.database();
        try {
            assertThat(cut.standings()).isEqualTo(Map.of("c-0", new CursorTable.Standing(7, 9)));
            assertThat(cut.standings()).isEqualTo(Map.of("c-1", new CursorTable.Standing(7, 9)));
        } finally {
            cut.close();
        }
    }
}
