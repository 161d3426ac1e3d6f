-- Facilitators: accounts, their sessions, login throttling, who runs which workshop, and the
-- workshop settings facilitators choose. Kept in step with ../sqlite/0003_facilitation.sql.

CREATE TABLE facilitators (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored trimmed and in lower case, so "Ana@X.org" and "ana@x.org" are one account.
    email           TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    -- An argon2id PHC string (algorithm, parameters, salt and hash).
    password_hash   TEXT NOT NULL,
    is_demo         BIGINT NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- A facilitator's browser session. As for participants, only the SHA-256 of the secret is kept.
CREATE TABLE facilitator_sessions (
    token_hash      TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    facilitator_id  BIGINT NOT NULL REFERENCES facilitators(id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);

CREATE INDEX facilitator_sessions_facilitator ON facilitator_sessions (facilitator_id);

-- Who runs a workshop: exactly one owner, and any co-facilitators the owner invites.
CREATE TABLE workshop_facilitators (
    workshop_id     BIGINT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    facilitator_id  BIGINT NOT NULL REFERENCES facilitators(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'co')),
    added_at        BIGINT NOT NULL,
    PRIMARY KEY (workshop_id, facilitator_id)
);

CREATE UNIQUE INDEX workshop_facilitators_one_owner ON workshop_facilitators (workshop_id) WHERE role = 'owner';
CREATE INDEX workshop_facilitators_facilitator ON workshop_facilitators (facilitator_id);

-- Failed logins, per account and per client, for throttling password guessing.
CREATE TABLE login_failures (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account         TEXT NOT NULL CHECK (length(account) <= 254),
    client          TEXT NOT NULL CHECK (length(client) <= 100),
    at              BIGINT NOT NULL
);

CREATE INDEX login_failures_account ON login_failures (account, at);
CREATE INDEX login_failures_client ON login_failures (client, at);

-- The languages the workshop is run in ('es', 'en' or both).
ALTER TABLE workshops ADD COLUMN languages TEXT NOT NULL DEFAULT 'es,en'
    CHECK (languages IN ('es', 'en', 'es,en'));
-- What participants see of other teams: nothing, the workshop averages only, or also other
-- teams' aggregates (always subject to the anonymity threshold).
ALTER TABLE workshops ADD COLUMN share_results TEXT NOT NULL DEFAULT 'teams'
    CHECK (share_results IN ('none', 'averages', 'teams'));
