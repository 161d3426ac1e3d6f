-- The learning side: the experiences a workshop's facilitators add to the library (the
-- built-in ones and the primer are static content in the application, not data).
-- Kept in step with ../postgres/0006_learning.sql.

-- A workshop's own case (e.g. a prefecture presenting its experience). Texts are written in
-- the workshop's language; the limits match app/src/learning/rules.rs.
CREATE TABLE workshop_cases (
    id              INTEGER PRIMARY KEY,
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    place           TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 120),
    country         TEXT NOT NULL CHECK (length(country) BETWEEN 1 AND 80),
    level           TEXT NOT NULL CHECK (level IN ('national', 'regional', 'municipal', 'other')),
    years           TEXT NOT NULL CHECK (length(years) BETWEEN 1 AND 40),
    summary         TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
    results         TEXT NOT NULL DEFAULT '' CHECK (length(results) <= 2000),
    presented_by    TEXT NOT NULL DEFAULT '' CHECK (length(presented_by) <= 200),
    source_title    TEXT NOT NULL DEFAULT '' CHECK (length(source_title) <= 200),
    -- http or https only (checked by the application; the length is the database's guard).
    source_url      TEXT CHECK (source_url IS NULL OR length(source_url) <= 2000),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX workshop_cases_workshop ON workshop_cases (workshop_id);

-- The indicators a case illustrates. Linked by id, not code, so a renamed code follows and a
-- removed indicator simply drops out of the case.
CREATE TABLE workshop_case_indicators (
    case_id         INTEGER NOT NULL REFERENCES workshop_cases(id) ON DELETE CASCADE,
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, indicator_id)
) STRICT;
