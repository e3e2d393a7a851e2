/**
 * monitoring: what operators and monitoring systems see. Metric names are part of the public interface
 * (docs/operations.md) and never change meaning.
 */
package io.switchboard.monitoring;
