package io.switchboard.delivery.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.delivery.control.CursorTable.Cursor;
import io.switchboard.delivery.control.DeviceTable.DeviceKey;
import io.switchboard.delivery.control.UnsavedCursors;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When, on which thread and in which transactions acknowledged positions are written. The store is a recorder and
 * the pool runs each task as the test says: what is checked is the scheduling and the chunking, which the in-server
 * tests cannot control; that the rows land in the database is {@code DeliveriesIT}'s and {@code DeliveryHubIT}'s
 * subject.
 */
class CursorWritesTest {

    private static final DeviceKey PHONE = new DeviceKey("bob", "phone");
    private static final DeviceKey LAPTOP = new DeviceKey("bob", "laptop");

    private final CursorWrites cut = new CursorWrites();
    private final Recorder store = new Recorder();

    @BeforeEach
    void sixPositionsInChunksOfTwo() {
        cut.unsaved = new UnsavedCursors();
        cut.deliveries = store;
        cut.pool = pool(Runnable::run);
        cut.cursorFlush = Duration.ofSeconds(1);
        cut.cursorBatch = 2;
        for (int i = 1; i <= 3; i++) {
            cut.unsaved.acked(PHONE, "c-" + i, i);
            cut.unsaved.acked(LAPTOP, "c-" + i, i);
        }
    }

    @Test
    void aFlushWritesEveryUnsavedPositionInTransactionsOfTheBatchSize() {
        cut.flushIfDue(Instant.now());

        assertThat(store.saves).hasSize(3).allSatisfy(save -> assertThat(save.cursors()).hasSize(2));
        assertThat(store.saves.stream().flatMap(save -> save.cursors().stream())).containsExactlyInAnyOrderElementsOf(
                List.of(new Cursor("bob", "phone", "c-1", 1), new Cursor("bob", "phone", "c-2", 2),
                        new Cursor("bob", "phone", "c-3", 3), new Cursor("bob", "laptop", "c-1", 1),
                        new Cursor("bob", "laptop", "c-2", 2), new Cursor("bob", "laptop", "c-3", 3)));
        assertThat(cut.unsaved.all()).as("all written").isEmpty();
    }

    @Test
    void theFlushRunsOnThePoolNotOnTheTimersThread() {
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        cut.pool = pool(handedOver::add);

        cut.flushIfDue(Instant.now());
        assertThat(store.saves).as("nothing written on the calling thread").isEmpty();
        cut.flushIfDue(Instant.now().plusSeconds(5));
        assertThat(handedOver).as("no second flush while one is under way").hasSize(1);

        handedOver.get(0).run();
        assertThat(store.saves).hasSize(3);
        cut.flushIfDue(Instant.now().plusSeconds(10));
        assertThat(handedOver).as("the next one once it is done").hasSize(2);
    }

    @Test
    void aFlushIsOnlyDueOnceTheIntervalHasPassed() {
        Instant now = Instant.now();
        cut.flushIfDue(now);
        cut.unsaved.acked(PHONE, "c-1", 9);

        cut.flushIfDue(now.plusMillis(500));
        assertThat(store.saves).hasSize(3);

        cut.flushIfDue(now.plusMillis(950));
        assertThat(store.saves).as("a tick a little early still counts").hasSize(4);
    }

    @Test
    void aClosedDeviceHasItsOwnPositionsWrittenAtOnceAndIsSeen() {
        cut.closed(PHONE);

        assertThat(store.saves).hasSize(2);
        assertThat(store.saves.stream().flatMap(save -> save.cursors().stream()).map(Cursor::deviceId))
                .containsOnly("phone").hasSize(3);
        assertThat(cut.unsaved.of(PHONE)).isEmpty();
        assertThat(cut.unsaved.of(LAPTOP)).hasSize(3);

        cut.flushIfDue(Instant.now());
        assertThat(store.saves.get(2).devices()).as("its sighting goes with the flush").containsExactly(PHONE);
    }

    @Test
    void whatFailsToBeWrittenIsKeptForTheNextFlush() {
        store.failing = true;
        cut.closed(PHONE);
        cut.flushIfDue(Instant.now());
        assertThat(cut.unsaved.all()).hasSize(6);

        store.failing = false;
        cut.flushIfDue(Instant.now().plusSeconds(1));
        assertThat(cut.unsaved.all()).isEmpty();
        assertThat(store.saves.stream().flatMap(save -> save.devices().stream())).containsExactly(PHONE);
    }

    /** A pool that hands each task to {@code execute}; it takes nothing but {@code execute}. */
    private static ManagedExecutorService pool(Consumer<Runnable> execute) {
        return (ManagedExecutorService) Proxy.newProxyInstance(CursorWritesTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    execute.accept((Runnable) args[0]);
                    return null;
                });
    }

    /** Records each transaction the writes would commit. */
    static final class Recorder extends Deliveries {

        record Save(List<Cursor> cursors, List<DeviceKey> devices) {
        }

        final List<Save> saves = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public void saveProgress(List<Cursor> cursors, List<DeviceKey> devices) {
            if (failing) {
                throw new IllegalStateException("the database is away");
            }
            saves.add(new Save(List.copyOf(cursors), List.copyOf(devices)));
        }
    }
}
