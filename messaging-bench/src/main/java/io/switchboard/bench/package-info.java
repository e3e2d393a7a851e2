/**
 * The benchmark harness's command line: flags, the load generator's entry point, and the checks made before any
 * traffic (loopback targets only, a hard time limit), so that every run ends by itself and stays on this machine.
 */
package io.switchboard.bench;
