-- The event store: Axon's JDBC schema in snake_case, insert-only.
-- Runs as the schema owner; ${app_role} is the role the service connects as.

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,   -- envelope: key id, nonce, AES-256-GCM ciphertext and tag
    meta_data            BYTEA,                   -- clear: actor, agency, role, reason code, correlation ids
    CONSTRAINT domain_event_entry_file_sequence UNIQUE (aggregate_identifier, sequence_number)
);

-- Snapshots are not used (the engine refuses to write one); the table exists because Axon reads it.
CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Per-file data keys, wrapped by the key-encryption key. Shredding sets wrapped to NULL.
CREATE TABLE data_key (
    key_id        VARCHAR(128) PRIMARY KEY,
    file_id       VARCHAR(64),
    version       INTEGER      NOT NULL,
    kek_id        VARCHAR(64)  NOT NULL,
    wrapped       BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    shredded_at   TIMESTAMPTZ,
    erasure_order VARCHAR(200),
    CONSTRAINT data_key_shredded_has_no_key CHECK (shredded_at IS NULL OR wrapped IS NULL)
);
CREATE INDEX data_key_file ON data_key (file_id);

-- Nothing is ever updated or deleted in the event store: corrections are new events.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is insert-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_insert_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER snapshot_event_entry_insert_only BEFORE UPDATE OR DELETE ON snapshot_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

REVOKE ALL ON domain_event_entry, snapshot_event_entry, token_entry, data_key FROM PUBLIC;
GRANT SELECT, INSERT ON domain_event_entry TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE domain_event_entry_global_index_seq TO ${app_role};
GRANT SELECT ON snapshot_event_entry TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON token_entry TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON data_key TO ${app_role};
