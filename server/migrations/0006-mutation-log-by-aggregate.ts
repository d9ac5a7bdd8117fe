/**
 * A device's applied mutations of one aggregate, which the merge reads when a desk's queued
 * edits follow one another (push.ts OWN_VERSIONS_SQL): without this index every such edit read
 * the whole mutation log.
 */
export const mutationLogByAggregate = `
CREATE INDEX mutation_log_device_aggregate ON mutation_log (device_id, aggregate);
`;
