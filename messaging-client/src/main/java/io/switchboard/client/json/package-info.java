/**
 * A small JSON reader and writer, so that the SDK needs nothing but the JDK at run time.
 * Values map to plain Java types: objects to {@code Map<String, Object>} (insertion ordered), arrays to
 * {@code List<Object>}, numbers to {@code Long} when integral and within range, else {@code Double}.
 */
package io.switchboard.client.json;
