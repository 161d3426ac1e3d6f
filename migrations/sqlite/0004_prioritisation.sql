-- Prioritisation, roadmaps and re-assessment rounds. Kept in step with
-- ../postgres/0004_prioritisation.sql.

-- The facilitator's prioritisation settings: dots per participant, whether a participant may
-- put several dots on one action, and the weights (0-5) of the priority formula's criteria
-- (see app/src/action/rules.rs).
ALTER TABLE workshops ADD COLUMN dots_per_participant INTEGER NOT NULL DEFAULT 5
    CHECK (dots_per_participant BETWEEN 1 AND 30);
ALTER TABLE workshops ADD COLUMN dots_stack INTEGER NOT NULL DEFAULT 1 CHECK (dots_stack IN (0, 1));
ALTER TABLE workshops ADD COLUMN weight_relevance INTEGER NOT NULL DEFAULT 3 CHECK (weight_relevance BETWEEN 0 AND 5);
ALTER TABLE workshops ADD COLUMN weight_ambition INTEGER NOT NULL DEFAULT 2 CHECK (weight_ambition BETWEEN 0 AND 5);
ALTER TABLE workshops ADD COLUMN weight_feasibility INTEGER NOT NULL DEFAULT 2 CHECK (weight_feasibility BETWEEN 0 AND 5);
ALTER TABLE workshops ADD COLUMN weight_resources INTEGER NOT NULL DEFAULT 1 CHECK (weight_resources BETWEEN 0 AND 5);
ALTER TABLE workshops ADD COLUMN weight_gap INTEGER NOT NULL DEFAULT 2 CHECK (weight_gap BETWEEN 0 AND 5);
-- The assessment round answers currently belong to; earlier rounds are kept in round_answers.
ALTER TABLE workshops ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 100);

-- An action a team proposes against its weaknesses.
CREATE TABLE actions (
    id                INTEGER PRIMARY KEY,
    workshop_id       INTEGER NOT NULL,
    team_id           INTEGER NOT NULL,
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    responsible_unit  TEXT NOT NULL CHECK (length(responsible_unit) BETWEEN 1 AND 120),
    impact            INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    effort            INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
    cost_band         TEXT NOT NULL CHECK (cost_band IN ('low', 'medium', 'high')),
    -- Set by the team lead; NULL until then.
    moscow            TEXT CHECK (moscow IS NULL OR moscow IN ('must', 'should', 'could', 'wont')),
    proposed_by       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    FOREIGN KEY (team_id, workshop_id) REFERENCES teams(id, workshop_id) ON DELETE CASCADE,
    -- Lets dependencies reference (action, team), so an action can only depend on its own team's.
    UNIQUE (id, team_id)
) STRICT;

CREATE INDEX actions_team ON actions (team_id);
CREATE INDEX actions_workshop ON actions (workshop_id);

-- The indicators an action improves.
CREATE TABLE action_indicators (
    action_id     INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, indicator_id)
) STRICT;

-- `action_id` cannot start before `depends_on` has ended. Both belong to `team_id`.
CREATE TABLE action_dependencies (
    action_id   INTEGER NOT NULL,
    depends_on  INTEGER NOT NULL,
    team_id     INTEGER NOT NULL,
    PRIMARY KEY (action_id, depends_on),
    FOREIGN KEY (action_id, team_id) REFERENCES actions(id, team_id) ON DELETE CASCADE,
    FOREIGN KEY (depends_on, team_id) REFERENCES actions(id, team_id) ON DELETE CASCADE,
    CHECK (action_id <> depends_on)
) STRICT;

CREATE INDEX action_dependencies_depends_on ON action_dependencies (depends_on);

-- Dot votes: how many of a participant's dots sit on an action.
CREATE TABLE action_votes (
    action_id       INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    dots            INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 30),
    PRIMARY KEY (action_id, participant_id)
) STRICT;

CREATE INDEX action_votes_participant ON action_votes (participant_id);

-- A team's roadmap: when it starts and when it was last generated.
CREATE TABLE roadmaps (
    team_id       INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
    starts_on     TEXT NOT NULL,          -- ISO date
    generated_at  INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;

-- One scheduled action. Dates are ISO dates; the horizon (now/next/later) follows from them.
CREATE TABLE roadmap_items (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES roadmaps(team_id) ON DELETE CASCADE,
    action_id   INTEGER NOT NULL UNIQUE REFERENCES actions(id) ON DELETE CASCADE,
    owner       TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 120),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    -- Edited by hand: kept where it is when the roadmap is generated again.
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    -- OGP's completion levels.
    status      TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'limited', 'substantial', 'completed')),
    progress    INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
) STRICT;

CREATE INDEX roadmap_items_team ON roadmap_items (team_id);

CREATE TABLE roadmap_milestones (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES roadmap_items(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_on    TEXT NOT NULL
) STRICT;

CREATE INDEX roadmap_milestones_item ON roadmap_milestones (item_id);

-- Closed assessment rounds: when each was closed.
CREATE TABLE assessment_rounds (
    workshop_id  INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    round        INTEGER NOT NULL CHECK (round BETWEEN 1 AND 100),
    closed_at    INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, round)
) STRICT;

-- The answers of a closed round, frozen when the next round opened.
CREATE TABLE round_answers (
    workshop_id     INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    round           INTEGER NOT NULL,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    team_id         INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    indicator_id    INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    response        TEXT NOT NULL CHECK (response IN ('level', 'not_applicable', 'dont_know')),
    level           INTEGER CHECK (level BETWEEN 1 AND 5),
    target_level    INTEGER CHECK (target_level BETWEEN 1 AND 5),
    mark            TEXT NOT NULL CHECK (mark IN ('neutral', 'strength', 'weakness')),
    PRIMARY KEY (workshop_id, round, participant_id, indicator_id)
) STRICT;

-- The levels team leads had settled in a closed round.
CREATE TABLE round_consensus (
    workshop_id   INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    round         INTEGER NOT NULL,
    team_id       INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (workshop_id, round, team_id, indicator_id)
) STRICT;
