/**
 * socket: the WebSocket wire of Switchboard's own socket transport, the upgrade request and the frames.
 * No threads and no business: an event loop hands in its read buffer and writes the buffers it gets back.
 */
package io.switchboard.platform.socket;
