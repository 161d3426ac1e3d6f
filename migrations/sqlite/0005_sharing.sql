-- Sharing and leaving the tool: observer links, publishing, and API tokens.
-- Kept in step with ../postgres/0005_sharing.sql.

-- A read-only observer link to a workshop (team_id NULL) or to one team. Only the SHA-256
-- of the secret is kept; a link stops working when revoked or past its expiry.
CREATE TABLE share_links (
    id              INTEGER PRIMARY KEY,
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    team_id         INTEGER,
    label           TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 120),
    token_hash      TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by      INTEGER REFERENCES facilitators(id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER,
    revoked_at      INTEGER,
    FOREIGN KEY (team_id, workshop_id) REFERENCES teams(id, workshop_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX share_links_workshop ON share_links (workshop_id);

-- Publishing: anonymised aggregates and roadmaps on a public page and as open data.
ALTER TABLE workshops ADD COLUMN published_at INTEGER;
ALTER TABLE workshops ADD COLUMN licence TEXT NOT NULL DEFAULT 'CC-BY-4.0' CHECK (length(licence) BETWEEN 1 AND 64);
-- The demo workshop's results were public before publishing existed: it stays published.
UPDATE workshops SET published_at = created_at WHERE is_demo = 1;

-- A facilitator's API token (`Authorization: Bearer …`). Only the SHA-256 of the secret is
-- kept, with its first characters so the owner can tell tokens apart.
CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    facilitator_id  INTEGER NOT NULL REFERENCES facilitators(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    prefix          TEXT NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
    token_hash      TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER,
    revoked_at      INTEGER
) STRICT;

CREATE INDEX api_tokens_facilitator ON api_tokens (facilitator_id);
