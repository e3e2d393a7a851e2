/**
 * ws: a WebSocket client (RFC 6455) on java.nio. One selector thread drives every connection, as one event loop does
 * in Node's load generators: ten thousand sockets need no ten thousand threads, and timestamps taken on send and on
 * receipt come from the same thread without locks. Text and control frames only; no extensions (no compression),
 * because both servers are run without per-message deflate.
 */
package io.switchboard.bench.ws;
