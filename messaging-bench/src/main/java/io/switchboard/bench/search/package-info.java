/**
 * search: finding the highest sustainable send rate. The rate grows geometrically until a step fails and is then
 * bisected between the last good and the first bad rate; a failed step may be re-run, because on a shared machine
 * one noisy neighbour can fail a step that the server would sustain.
 */
package io.switchboard.bench.search;
