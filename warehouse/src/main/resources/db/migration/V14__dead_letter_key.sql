-- A dead letter's natural key, so a replay after a restart from a checkpoint (which re-reads the
-- records after the checkpoint) cannot store the same bad record twice: the writer inserts with
-- ON CONFLICT (record_ref) DO NOTHING.
--   kafka:<topic>/<partition>/<offset>   where the record was read from Kafka
--   sha256:<hex of record key and value> for a source without positions
-- Rows stored before this migration, or by other writers, have none: NULLs never conflict.
-- dead_letters is a plain table in the TimescaleDB layout too, so one unique index serves both.
ALTER TABLE dead_letters ADD COLUMN IF NOT EXISTS record_ref text;
CREATE UNIQUE INDEX IF NOT EXISTS dead_letters_record_ref_idx ON dead_letters (record_ref);
