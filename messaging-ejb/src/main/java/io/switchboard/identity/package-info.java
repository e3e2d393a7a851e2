/**
 * identity: who is calling. MicroProfile JWT (RS256) verifies every token; this component only adds the development
 * token issuer, whose key pair is made at first start and kept in the data directory so tokens survive restarts.
 */
package io.switchboard.identity;
