-- Implementation needs: what a team needs to implement its actions. Kept in step with
-- ../sqlite/0008_needs.sql.

-- A need of a team. `kind` is one of the seven kinds of app/src/needs/model.rs. The team
-- belongs to the workshop (composite key, as for actions), so a need cannot sit in another
-- workshop's team.
CREATE TABLE needs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id  BIGINT NOT NULL,
    team_id      BIGINT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('legal', 'budget', 'staff_skills', 'technology',
                                               'data', 'political_support', 'partnerships')),
    description  TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    -- The participant who recorded it; kept when they leave.
    created_by   BIGINT REFERENCES participants(id) ON DELETE SET NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    FOREIGN KEY (team_id, workshop_id) REFERENCES teams(id, workshop_id) ON DELETE CASCADE,
    -- Lets the link table reference (need, team).
    UNIQUE (id, team_id)
);

CREATE INDEX needs_team ON needs (team_id);
CREATE INDEX needs_workshop ON needs (workshop_id);

-- The actions a need unblocks. Both sides name the team, so the foreign keys themselves
-- refuse an action of another team (see actions' UNIQUE (id, team_id)).
CREATE TABLE need_actions (
    need_id    BIGINT NOT NULL,
    action_id  BIGINT NOT NULL,
    team_id    BIGINT NOT NULL,
    PRIMARY KEY (need_id, action_id),
    FOREIGN KEY (need_id, team_id) REFERENCES needs(id, team_id) ON DELETE CASCADE,
    FOREIGN KEY (action_id, team_id) REFERENCES actions(id, team_id) ON DELETE CASCADE
);

CREATE INDEX need_actions_action ON need_actions (action_id);
