/**
 * jmh: micro-benchmarks of the generator's own hot paths (JSON frames, WebSocket framing, a fan-out loop). They
 * tell whether the generator can be the bottleneck of a load run. Benchmarks of the server's hot paths belong beside
 * the server modules, which this module deliberately does not depend on.
 */
package io.switchboard.bench.jmh;
