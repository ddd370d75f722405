-- Projections rebuilt from the events (they may be dropped and replayed at any time).
-- Sensitive content lives only in file_view.document, sealed under the file's data key;
-- the clear columns hold case administration needed to scope and search.

CREATE TABLE file_view (
    file_id      VARCHAR(64) PRIMARY KEY,
    file_number  VARCHAR(64),
    status       VARCHAR(32),
    closed       BOOLEAN     NOT NULL DEFAULT FALSE,
    shredded     BOOLEAN     NOT NULL DEFAULT FALSE,
    owner_agency VARCHAR(64),
    province     VARCHAR(64),
    channel      VARCHAR(32),
    received_on  DATE,
    risk_level   VARCHAR(16),
    last_sequence BIGINT     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    document     BYTEA                    -- sealed FileView JSON; NULL once the file's keys are shredded
);
CREATE INDEX file_view_scope ON file_view (province, owner_agency);
CREATE INDEX file_view_number ON file_view (file_number);
CREATE INDEX file_view_received ON file_view (received_on);

-- Who besides the owner may read a file: live referrals and verification requests.
CREATE TABLE file_grant (
    file_id    VARCHAR(64)  NOT NULL,
    grant_id   VARCHAR(64)  NOT NULL,
    agency     VARCHAR(64)  NOT NULL,
    basis      VARCHAR(16)  NOT NULL,      -- REFERRAL or VERIFICATION
    categories VARCHAR(512) NOT NULL,      -- comma-separated data categories shared
    expires_on DATE,
    live       BOOLEAN      NOT NULL,
    PRIMARY KEY (file_id, grant_id)
);
CREATE INDEX file_grant_agency ON file_grant (agency) WHERE live;

-- Keyed blind index of names (HMAC-SHA256 of the normalised name): exact-match lookup only.
CREATE TABLE file_name_index (
    file_id   VARCHAR(64) NOT NULL,
    name_hmac BYTEA       NOT NULL,
    PRIMARY KEY (file_id, name_hmac)
);
CREATE INDEX file_name_index_hmac ON file_name_index (name_hmac);

CREATE TABLE file_support_regime (
    file_id VARCHAR(64) NOT NULL,
    regime  VARCHAR(48) NOT NULL,
    PRIMARY KEY (file_id, regime)
);

CREATE TABLE file_deadline (
    file_id VARCHAR(64) NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    ref     VARCHAR(64) NOT NULL,
    due_on  DATE        NOT NULL,
    met_on  DATE,
    PRIMARY KEY (file_id, kind, ref)
);
CREATE INDEX file_deadline_due ON file_deadline (due_on) WHERE met_on IS NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON file_view, file_grant, file_name_index, file_support_regime, file_deadline TO ${app_role};
