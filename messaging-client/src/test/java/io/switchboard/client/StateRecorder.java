package io.switchboard.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects state changes for assertions. */
final class StateRecorder implements ConnectionListener {

    final List<StateChange> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(StateChange change) {
        changes.add(change);
    }

    List<ConnectionState> states() {
        return changes.stream().map(StateChange::current).toList();
    }

    StateChange last() {
        return changes.get(changes.size() - 1);
    }
}
