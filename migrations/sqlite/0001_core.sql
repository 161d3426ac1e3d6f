-- Rumbo's core domain on SQLite. Kept in step with ../postgres/0001_core.sql: the same tables,
-- columns and constraints; only the types and the id generation differ.
-- Times are Unix seconds (BIGINT) so that one query text reads them on both databases.
-- STRICT makes SQLite refuse values of the wrong type instead of storing them anyway.

-- A framework owned by one workshop (a copy of the default, or an import).
CREATE TABLE frameworks (
    id              INTEGER PRIMARY KEY,
    source_key      TEXT NOT NULL,          -- e.g. 'rumbo-open-government'
    source_version  TEXT NOT NULL,          -- e.g. '1.0.0'
    name_es         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_es  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    created_at      INTEGER NOT NULL
) STRICT;

-- The generic meaning of levels 1-5 in a framework.
CREATE TABLE framework_levels (
    framework_id    INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    name_es         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    summary_es      TEXT NOT NULL,
    summary_en      TEXT NOT NULL,
    PRIMARY KEY (framework_id, level)
) STRICT;

CREATE TABLE pillars (
    id              INTEGER PRIMARY KEY,
    framework_id    INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
    position        INTEGER NOT NULL,
    name_es         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_es  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    UNIQUE (framework_id, code)
) STRICT;

CREATE TABLE indicators (
    id              INTEGER PRIMARY KEY,
    framework_id    INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    pillar_id       INTEGER NOT NULL REFERENCES pillars(id) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
    position        INTEGER NOT NULL,
    name_es         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_es  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    sources         TEXT NOT NULL DEFAULT '',   -- one source per line
    -- Indicator codes are unique in a framework, not only in a pillar: answers and exports name them.
    UNIQUE (framework_id, code)
) STRICT;

CREATE TABLE level_descriptors (
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    descriptor_es   TEXT NOT NULL,
    descriptor_en   TEXT NOT NULL,
    PRIMARY KEY (indicator_id, level)
) STRICT;

CREATE TABLE suggested_actions (
    id              INTEGER PRIMARY KEY,
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    title_es        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    description_es  TEXT NOT NULL,
    description_en  TEXT NOT NULL
) STRICT;

CREATE TABLE workshops (
    id                   INTEGER PRIMARY KEY,
    title                TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description          TEXT NOT NULL DEFAULT '',
    -- Stored normalised: upper case, no spaces or dashes.
    join_code            TEXT NOT NULL UNIQUE CHECK (length(join_code) BETWEEN 4 AND 12),
    framework_id         INTEGER NOT NULL UNIQUE REFERENCES frameworks(id),
    phase                TEXT NOT NULL DEFAULT 'setup'
                         CHECK (phase IN ('setup', 'assessment', 'review', 'prioritisation', 'roadmap', 'closed')),
    anonymity_threshold  INTEGER NOT NULL DEFAULT 3 CHECK (anonymity_threshold BETWEEN 1 AND 100),
    starts_on            TEXT,               -- ISO date, e.g. '2026-11-30'
    ends_on              TEXT,
    is_demo              INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
) STRICT;

-- At most one demo workshop, so that `rumbo demo` can be run again without duplicating it.
CREATE UNIQUE INDEX workshops_one_demo ON workshops (is_demo) WHERE is_demo = 1;

CREATE TABLE teams (
    id              INTEGER PRIMARY KEY,
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    position        INTEGER NOT NULL,
    UNIQUE (workshop_id, name),
    -- Lets participants reference (team, workshop) so a participant cannot sit in another workshop's team.
    UNIQUE (id, workshop_id)
) STRICT;

CREATE TABLE participants (
    id              INTEGER PRIMARY KEY,
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    team_id         INTEGER NOT NULL,
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    is_lead         INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
    created_at      INTEGER NOT NULL,
    FOREIGN KEY (team_id, workshop_id) REFERENCES teams(id, workshop_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX participants_team ON participants (team_id);

CREATE TABLE answers (
    id              INTEGER PRIMARY KEY,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    response        TEXT NOT NULL CHECK (response IN ('level', 'not_applicable', 'dont_know')),
    level           INTEGER CHECK (level BETWEEN 1 AND 5),
    target_level    INTEGER CHECK (target_level BETWEEN 1 AND 5),
    evidence_url    TEXT CHECK (evidence_url IS NULL OR length(evidence_url) <= 2000),
    note            TEXT CHECK (note IS NULL OR length(note) <= 2000),
    mark            TEXT NOT NULL DEFAULT 'neutral' CHECK (mark IN ('neutral', 'strength', 'weakness')),
    -- Bumped on every change, for optimistic concurrency.
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- A level is present exactly when the response is a level.
    CHECK ((response = 'level') = (level IS NOT NULL)),
    UNIQUE (participant_id, indicator_id)
) STRICT;

CREATE INDEX answers_indicator ON answers (indicator_id);
