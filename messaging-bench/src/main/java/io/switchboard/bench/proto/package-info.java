/**
 * proto: what the load generator needs from a chat server (authenticate, be in a conversation, send with an
 * acknowledgement, receive) and one adapter per wire protocol, so that one generator drives both servers with the
 * same connections, conversation sizes and rates.
 */
package io.switchboard.bench.proto;
