/**
 * platform: the vocabulary every component shares, the error codes a client sees and the refusal that carries them.
 * A refusal is an expected outcome with a code and a sentence, never a stack trace on the wire.
 */
package io.switchboard.platform;
