-- The tamper-evident ledger: an RFC 6962 Merkle log with one leaf per stored event, in commit
-- order (see docs/ledger.md). Insert-only, like the event store: a leaf, node or checkpoint, once
-- written, never changes. Runs as the schema owner; ${app_role} is the role the service connects as.

-- Leaf i of the log. leaf is the canonical encoding of org.vrs.ledger.LeafData (version 1);
-- leaf_hash = SHA-256(0x00 || leaf), which is also the Merkle node (0, leaf_index).
CREATE TABLE ledger_leaf (
    leaf_index       BIGINT       PRIMARY KEY CHECK (leaf_index >= 0),
    global_index     BIGINT       NOT NULL UNIQUE,          -- domain_event_entry.global_index of the event
    event_identifier VARCHAR(255) NOT NULL,                 -- for readers; verify checks it against the row
    file_id          VARCHAR(255),                          -- the event's file, NULL for events of no file
    leaf             BYTEA        NOT NULL,
    leaf_hash        BYTEA        NOT NULL CHECK (octet_length(leaf_hash) = 32)
);
-- One leaf per event; also how readers find an event's leaf (timelines, extracts, audit exports).
CREATE UNIQUE INDEX ledger_leaf_event ON ledger_leaf (event_identifier);
-- The previous leaf of a file, for the next leaf's back link.
CREATE INDEX ledger_leaf_file ON ledger_leaf (file_id, leaf_index) WHERE file_id IS NOT NULL;

-- Perfect-subtree nodes of level 1 and above: node (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level) and is SHA-256(0x01 || node(level-1, 2idx) || node(level-1, 2idx+1)).
-- Level 0 is ledger_leaf.leaf_hash and is not repeated here.
CREATE TABLE ledger_node (
    level SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 62),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Signed checkpoints (C2SP tlog-checkpoint as a signed note), one per tree size, sizes only growing.
CREATE TABLE ledger_checkpoint (
    tree_size  BIGINT      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash  BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    note       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER ledger_leaf_insert_only BEFORE UPDATE OR DELETE ON ledger_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_leaf_no_truncate BEFORE TRUNCATE ON ledger_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_node_insert_only BEFORE UPDATE OR DELETE ON ledger_node
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_node_no_truncate BEFORE TRUNCATE ON ledger_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_checkpoint_insert_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

REVOKE ALL ON ledger_leaf, ledger_node, ledger_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_leaf, ledger_node, ledger_checkpoint TO ${app_role};
