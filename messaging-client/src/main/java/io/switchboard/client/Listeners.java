package io.switchboard.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The application's callbacks, gathered by the builder. An empty gap listener means "fill every gap". */
record Listeners(MessageListener message, Optional<GapListener> gap, List<ConnectionListener> connection,
                 Consumer<ServerErrorException> errors) {

    Listeners {
        connection = List.copyOf(connection);
    }
}
