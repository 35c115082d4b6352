-- How far the IMAP intake has read each mailbox: the folder's UIDVALIDITY and the highest UID
-- stored. It moves in the transaction that stores the message, so a message is stored once.
CREATE TABLE mailbox_cursors (
    mailbox      TEXT   PRIMARY KEY,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL
);
