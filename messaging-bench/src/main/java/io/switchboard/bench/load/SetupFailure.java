package io.switchboard.bench.load;

import java.util.Map;

/** Connections could not all be opened or joined; carries what was measured so the result file still shows it. */
public final class SetupFailure extends RuntimeException {

    private final transient Map<String, Object> measured;

    public SetupFailure(String message, Map<String, Object> measured) {
        super(message);
        this.measured = measured;
    }

    public Map<String, Object> measured() {
        return measured;
    }
}
