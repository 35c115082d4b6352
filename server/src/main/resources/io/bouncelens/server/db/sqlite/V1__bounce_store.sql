-- The raw message is kept so `bouncelens rediagnose` can read it again when the knowledge base improves.
CREATE TABLE messages (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at    BIGINT  NOT NULL,
    source         TEXT    NOT NULL,
    mail_from      TEXT,
    rcpt_to        TEXT,
    size_bytes     BIGINT  NOT NULL,
    raw            BLOB    NOT NULL,
    record_count   INTEGER NOT NULL DEFAULT 0,
    diagnose_error TEXT
);

-- One row per record; the columns are the ones people filter and count by, record_json is the whole record.
CREATE TABLE bounces (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  BIGINT REFERENCES messages (id),
    received_at BIGINT  NOT NULL,
    day         TEXT    NOT NULL,
    recipient   TEXT,
    reason      TEXT    NOT NULL,
    hard_bounce BOOLEAN NOT NULL,
    action      TEXT,
    status      TEXT,
    reply_code  INTEGER,
    provider    TEXT,
    remote_host TEXT,
    actor       TEXT,
    policy      TEXT    NOT NULL,
    record_json TEXT    NOT NULL
);
CREATE INDEX bounces_recipient ON bounces (recipient, received_at);
CREATE INDEX bounces_received ON bounces (received_at);
CREATE INDEX bounces_message ON bounces (message_id);

CREATE TABLE suppressions (
    address   TEXT PRIMARY KEY,
    reason    TEXT   NOT NULL,
    source    TEXT   NOT NULL,
    since     BIGINT NOT NULL,
    bounce_id BIGINT,
    note      TEXT
);
