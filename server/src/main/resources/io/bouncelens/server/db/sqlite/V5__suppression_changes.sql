-- Every change to the suppression list, in the order it was committed, for a sending platform that
-- keeps its own copy in step (GET /api/v1/suppression-changes?after=ID).
CREATE TABLE suppression_changes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    address TEXT   NOT NULL,
    change  TEXT   NOT NULL,
    reason  TEXT,
    source  TEXT   NOT NULL,
    at      BIGINT NOT NULL
);
