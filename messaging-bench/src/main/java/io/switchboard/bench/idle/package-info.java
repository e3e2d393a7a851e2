/**
 * idle: memory per idle connection. Connections are added in steps and the server is measured at rest (after a
 * requested GC when it is a JVM), so the figure is what a connection costs to hold, not what traffic churns.
 */
package io.switchboard.bench.idle;
