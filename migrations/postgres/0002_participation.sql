-- Participants' sessions and resume links, join throttling, and team leads' consensus.
-- Kept in step with ../sqlite/0002_participation.sql.

-- A secret a participant holds: the session cookie of one browser, or the personal resume
-- link that opens a new session on another device. Only a SHA-256 hash of it is stored, so a
-- copy of the database does not let anyone act as a participant.
CREATE TABLE participant_tokens (
    token_hash      TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    participant_id  BIGINT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('session', 'resume')),
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);

CREATE INDEX participant_tokens_participant ON participant_tokens (participant_id, purpose);

-- Wrong join codes, per client, for throttling guessing. Old rows are pruned as new ones come.
CREATE TABLE join_failures (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client          TEXT NOT NULL CHECK (length(client) <= 100),
    at              BIGINT NOT NULL
);

CREATE INDEX join_failures_client ON join_failures (client, at);

-- The level a team lead settled for the team on an indicator, where members disagree.
-- Without a row, the team's consensus is the median of its members' answers.
CREATE TABLE team_consensus (
    team_id         BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    indicator_id    BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    level           BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),
    rationale       TEXT NOT NULL CHECK (length(rationale) BETWEEN 1 AND 500),
    set_by          BIGINT REFERENCES participants(id) ON DELETE SET NULL,
    -- Optimistic concurrency: an edit names the version it started from.
    version         BIGINT NOT NULL DEFAULT 1,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (team_id, indicator_id)
);
