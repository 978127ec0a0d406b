-- Snapshots are written in parts, each in its own short transaction, on a thread of their own (the same
-- layout as on SQLite, where one transaction for the whole state would hold the single write lock and
-- with it the journal's appends). parts = 0: the state is inline (rows written before V2).
ALTER TABLE snapshots ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;

CREATE TABLE snapshot_parts (
    seq  BIGINT  NOT NULL,
    part INTEGER NOT NULL,
    data BYTEA   NOT NULL,
    PRIMARY KEY (seq, part)
);
