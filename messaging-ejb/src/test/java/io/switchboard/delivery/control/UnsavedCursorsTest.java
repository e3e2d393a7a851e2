package io.switchboard.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsavedCursorsTest {

    private static final DeviceTable.DeviceKey PHONE = new DeviceTable.DeviceKey("bob", "phone");
    private static final DeviceTable.DeviceKey LAPTOP = new DeviceTable.DeviceKey("bob", "laptop");
    private final UnsavedCursors cut = new UnsavedCursors();

    @Test
    void aDeviceKeepsItsHighestPositionPerConversation() {
        cut.acked(PHONE, "c-1", 3);
        cut.acked(PHONE, "c-1", 2);
        cut.acked(PHONE, "c-2", 1);
        cut.acked(LAPTOP, "c-1", 7);

        assertThat(cut.of(PHONE)).isEqualTo(Map.of("c-1", 3L, "c-2", 1L));
        assertThat(cut.of(LAPTOP)).isEqualTo(Map.of("c-1", 7L));
        assertThat(cut.of(new DeviceTable.DeviceKey("carol", "phone"))).isEmpty();
        assertThat(cut.all()).containsExactlyInAnyOrder(new CursorTable.Cursor("bob", "phone", "c-1", 3),
                new CursorTable.Cursor("bob", "phone", "c-2", 1), new CursorTable.Cursor("bob", "laptop", "c-1", 7));
    }

    @Test
    void aWrittenPositionIsForgottenButOneRaisedDuringTheWriteStays() {
        cut.acked(PHONE, "c-1", 3);
        cut.acked(PHONE, "c-2", 1);
        List<CursorTable.Cursor> writing = cut.cursorsOf(PHONE);
        cut.acked(PHONE, "c-1", 4);

        cut.written(writing);

        assertThat(cut.of(PHONE)).as("4 came after the write took 3").isEqualTo(Map.of("c-1", 4L));
        cut.written(cut.cursorsOf(PHONE));
        assertThat(cut.of(PHONE)).isEmpty();
        assertThat(cut.all()).isEmpty();
    }
}
