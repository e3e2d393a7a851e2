/**
 * socketio: the Socket.IO v5 protocol over Engine.IO v4, websocket transport only, as the reference peer speaks it:
 * an HMAC-signed token in the namespace connect, {@code join} and {@code send} events with acknowledgements, and
 * {@code message} pushed to the other members of a room. Written against the wire format, not a client library,
 * so that the generator spends about as much CPU per message on both servers.
 */
package io.switchboard.bench.proto.socketio;
