-- Who read which file: a projection of the FileRead / FileReadRefused events, for access review.
-- Metadata only: no file content, and not the free-text break-glass reason (that stays in the event).
CREATE TABLE access_review (
    event_id       VARCHAR(64)  PRIMARY KEY,
    read_at        TIMESTAMPTZ  NOT NULL,
    file_id        VARCHAR(64)  NOT NULL,
    owner_agency   VARCHAR(64),
    actor_id       VARCHAR(128) NOT NULL,
    agency_id      VARCHAR(64)  NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    path           VARCHAR(16)  NOT NULL,
    purpose        VARCHAR(64),
    basis          VARCHAR(16),
    shown_full     VARCHAR(256),
    shown_masked   VARCHAR(256),
    policy_version VARCHAR(64)  NOT NULL,
    break_glass    BOOLEAN      NOT NULL,
    refused        BOOLEAN      NOT NULL,
    refusal        VARCHAR(200)
);
CREATE INDEX access_review_file ON access_review (file_id, read_at);
CREATE INDEX access_review_actor ON access_review (actor_id, read_at);
CREATE INDEX access_review_agency ON access_review (agency_id, read_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON access_review TO ${app_role};
