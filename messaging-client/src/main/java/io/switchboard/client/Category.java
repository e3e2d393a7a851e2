package io.switchboard.client;

/** Who or what is behind a disconnect or an error, so that applications can react by kind rather than by number. */
public enum Category {
    /** Nothing went wrong: the session ended on purpose. */
    NORMAL,
    /** The network or the server's reachability. */
    NETWORK,
    /** The token: missing, expired, refused. */
    AUTH,
    /** A client or server broke the wire protocol; retrying the same thing fails the same way. */
    PROTOCOL,
    /** A fault inside the server. */
    SERVER,
    /** The server or this client could not keep up. */
    LOAD,
    /** An administrator acted. */
    ADMIN,
    /** The client's configuration or input is wrong. */
    CLIENT,
    /** A code this SDK does not know; classified by its range. */
    UNKNOWN
}
