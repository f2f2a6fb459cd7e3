-- V16: measurements_raw_id_idx (id) duplicates the leading column of the primary key (id,
-- measured_at). Every look-up by id (find, erase, the upsert's stored-at-another-time probe) plans
-- an index scan of the primary key without it (checked with EXPLAIN), and every raw row written
-- paid one more index insert and its WAL for it (issue #11). On TimescaleDB this drops the chunks'
-- copies too.
DROP INDEX IF EXISTS measurements_raw_id_idx;
