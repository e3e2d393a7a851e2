/**
 * load: the open-loop load itself. Connections are opened at a bounded concurrency, sends are issued on a fixed
 * schedule whatever the server answers (so a slow server shows as latency, not as a politely lower rate), and every
 * message is followed from send to its acknowledgement and to each other member, which is how loss and duplicates
 * are counted.
 */
package io.switchboard.bench.load;
