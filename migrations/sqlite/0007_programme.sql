-- The workshop's programme: days and sessions (panels, talks, working blocks).
-- Kept in step with ../postgres/0007_programme.sql.

-- A session. Times are UTC instants (seconds since the epoch); `time_zone` is the IANA zone
-- they were entered in, so pages write them back as the facilitator typed them. The day is
-- not stored: it is the start's local date. Panelists are one per line.
CREATE TABLE programme_sessions (
    id              INTEGER PRIMARY KEY,
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    starts_at       INTEGER NOT NULL,
    ends_at         INTEGER NOT NULL,
    time_zone       TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    panelists       TEXT NOT NULL DEFAULT '' CHECK (length(panelists) <= 1600),
    phase           TEXT CHECK (phase IN ('setup', 'assessment', 'review', 'prioritisation', 'roadmap', 'closed')),
    call_url        TEXT CHECK (length(call_url) BETWEEN 1 AND 500),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (ends_at > starts_at)
) STRICT;

CREATE INDEX programme_sessions_workshop ON programme_sessions (workshop_id, starts_at);

-- A session's materials (slides, a guide, a form), in order.
CREATE TABLE programme_materials (
    session_id      INTEGER NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    url             TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 500),
    PRIMARY KEY (session_id, position)
) STRICT;
