-- One row per state-changing command, in sequence order. crc = CRC32C of "seq|ts|command" (UTF-8).
CREATE TABLE journal (
    seq     BIGINT  NOT NULL PRIMARY KEY,
    ts      BIGINT  NOT NULL,
    crc     BIGINT  NOT NULL,
    command TEXT    NOT NULL
);

-- The whole engine state after command seq (EngineSnapshot format). crc = CRC32C of the bytes.
CREATE TABLE snapshots (
    seq   BIGINT NOT NULL PRIMARY KEY,
    ts    BIGINT NOT NULL,
    crc   BIGINT NOT NULL,
    state BLOB   NOT NULL
);
