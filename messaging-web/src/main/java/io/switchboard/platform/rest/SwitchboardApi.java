package io.switchboard.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /api; authentication is declared in web.xml (MP-JWT), like the socket's. */
@ApplicationPath("/api")
public class SwitchboardApi extends Application {
}
