-- Certified extracts: the seed of each extract's field salts, sealed under the file's data key
-- (AES-256-GCM, like file_view.document), so a later, wider court order can be given the salt of
-- a withheld field, and shredding the file's keys makes every seed unreadable. Insert-only.
CREATE TABLE extract_salt_seed (
    extract_id  VARCHAR(64) PRIMARY KEY,
    file_id     VARCHAR(64) NOT NULL,
    sealed_seed BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX extract_salt_seed_file ON extract_salt_seed (file_id);

REVOKE ALL ON extract_salt_seed FROM PUBLIC;
GRANT SELECT, INSERT ON extract_salt_seed TO ${app_role};
