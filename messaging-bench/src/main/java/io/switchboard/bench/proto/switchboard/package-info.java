/**
 * switchboard: the Switchboard protocol of docs/protocol.md. Users get tokens from the development issuer and
 * conversations are made over REST before any socket opens; on the socket the client waits for {@code hello}, sends
 * {@code message:send}, and acknowledges every {@code message:new} cumulatively per conversation, as a real device
 * must or the server redelivers.
 */
package io.switchboard.bench.proto.switchboard;
