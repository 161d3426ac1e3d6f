-- The dashboard counts a workshop's answers starting from its participants: without this
-- index every participant of every workshop is read to find them.
CREATE INDEX participants_workshop ON participants (workshop_id, team_id);
