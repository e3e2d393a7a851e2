/** A runnable example of the SDK, kept in the jar so that it compiles with every change of the API. */
package io.switchboard.client.example;
