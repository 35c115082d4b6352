-- When each change was written to the journal (an addition's "at" is the suppression's own time,
-- which an imported list may set years back), so that prune can drop what is old by that time.
ALTER TABLE suppression_changes ADD COLUMN logged_at BIGINT;

-- Single values the store keeps about itself. suppression_changes_pruned_through: the highest
-- change number prune removed; a reader asking for changes after a lower one has missed some.
CREATE TABLE store_marks (
    name  TEXT   PRIMARY KEY,
    value BIGINT NOT NULL
);
