/**
 * storage: the versioned schema. One ordered set of portable SQL scripts serves Derby and PostgreSQL; each runs
 * once, recorded in {@code sb_schema_version}, under a table lock so that several nodes starting together agree.
 */
package io.switchboard.storage;
