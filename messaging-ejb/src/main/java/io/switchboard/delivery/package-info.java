/**
 * delivery: getting stored messages to devices. Pushes happen only after the storing transaction committed; each
 * connection drains a bounded outbound queue, and a device too slow to drain it is closed and resumes later.
 */
package io.switchboard.delivery;
