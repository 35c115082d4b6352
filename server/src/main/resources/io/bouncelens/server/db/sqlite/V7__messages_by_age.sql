-- prune (and serve --retain-days, hourly) looks for the oldest messages; without this each
-- look would read the whole table when nothing is old enough.
CREATE INDEX messages_received ON messages (received_at);
