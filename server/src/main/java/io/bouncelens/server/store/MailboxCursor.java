package io.bouncelens.server.store;

/**
 * How far the IMAP intake has read one mailbox folder. UIDs only grow within one UIDVALIDITY
 * (RFC 9051 section 2.3.1.1); when the server gives the folder a new one, the old UIDs mean
 * nothing and the folder is read from its start.
 *
 * @param mailbox     the folder, as {@code user@host:port/Folder}
 * @param uidValidity the folder's UIDVALIDITY when it was read
 * @param lastUid     the highest UID stored; 0 when none was
 */
public record MailboxCursor(String mailbox, long uidValidity, long lastUid) {

    /** The same folder with {@code uid} stored too. */
    public MailboxCursor after(long uid) {
        return new MailboxCursor(mailbox, uidValidity, Math.max(lastUid, uid));
    }
}
