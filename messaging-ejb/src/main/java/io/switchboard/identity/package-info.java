/**
 * identity: who is calling. MicroProfile JWT (RS256) verifies every token; this component adds the development token
 * issuer, whose key pair is made at first start and kept in the data directory so tokens survive restarts, and a
 * verifier for the transport outside Liberty's HTTP stack that judges tokens by the rules of Liberty's mpJwt.
 */
package io.switchboard.identity;
