-- One row per project, locked (SELECT ... FOR UPDATE) by quota-checked creates so that
-- concurrent API nodes count usage one after another and never pass a limit together.
CREATE TABLE project_locks (
    project_id VARCHAR(255) NOT NULL PRIMARY KEY
)${ENGINE};
