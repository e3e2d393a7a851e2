/**
 * sync: what changed in a user's conversation list since the client last asked. The token is a time watermark
 * taken a few seconds early, so that a change committed while a sync runs is reported again rather than missed.
 */
package io.switchboard.sync;
