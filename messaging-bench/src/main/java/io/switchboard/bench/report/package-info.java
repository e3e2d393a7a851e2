/**
 * report: result files (JSON for tools, Markdown for people) and the summary of several runs into the figures of
 * docs/performance.md, medians because a single run on a shared two-core machine moves by tens of percent.
 */
package io.switchboard.bench.report;
