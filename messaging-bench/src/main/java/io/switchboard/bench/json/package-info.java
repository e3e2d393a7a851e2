/**
 * json: a small JSON reader and writer of our own, so that the generator has no runtime dependency besides the JDK
 * and so that the codec it spends its CPU on is the one its JMH benchmarks measure.
 */
package io.switchboard.bench.json;
