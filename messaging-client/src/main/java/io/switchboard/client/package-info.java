/**
 * The Switchboard Java client: one {@link io.switchboard.client.SwitchboardClient} per device, reconnecting on its
 * own and turning the server's at-least-once delivery into exactly-once, in-order hand-over to the application.
 * All state lives on one event thread per client; listeners are called on it, so they must not block.
 */
package io.switchboard.client;
