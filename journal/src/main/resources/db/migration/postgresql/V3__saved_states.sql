-- States the admin API saved under a name. The bytes are kept by their SHA-256 and never changed or dropped:
-- a journal entry that restored one names its hash, so a replay of the whole journal finds the very state.
-- Saving a name again points it at the new state.
CREATE TABLE saved_states (
    hash VARCHAR(64) PRIMARY KEY,
    ts   BIGINT      NOT NULL,
    crc  BIGINT      NOT NULL,
    data BYTEA        NOT NULL
);

CREATE TABLE state_names (
    name VARCHAR(64) PRIMARY KEY,
    hash VARCHAR(64) NOT NULL,
    ts   BIGINT      NOT NULL
);
