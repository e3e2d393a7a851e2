/**
 * metrics: latency histograms and process probes (/proc, jcmd). The histogram is log-linear with 0.1 % resolution so
 * that a percentile costs one array walk and recording costs no allocation on the receive path.
 */
package io.switchboard.bench.metrics;
