package io.bouncelens.server.store;

import io.bouncelens.BounceRecord;
import io.bouncelens.server.json.RecordJson;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.policy.SuppressionPolicy.Effect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Raw messages, their records and the suppression list. Every write that belongs together (a
 * message, its records and the suppressions they cause) happens in one transaction, so a caller
 * that has seen the method return knows all of it is committed.
 */
public final class BounceStore {

    public static final int MAX_PAGE = 500;

    private static final Set<String> COUNTABLE = Set.of("reason", "provider", "day", "remote_host");

    private final Jdbi jdbi;
    private final SuppressionPolicy policy;
    private final Clock clock;
    /**
     * SQLite has one writer at a time; writers that meet in the database wait in its busy handler,
     * which sleeps and retries. Queuing them here instead keeps several SMTP sessions from slowing
     * each other down. PostgreSQL takes concurrent writers itself, so there is no lock for it.
     */
    private final Lock writeLock;
    private final boolean postgres;
    /** Told after each commit that wrote to the suppression journal (see {@link #whenJournalGrows}). */
    private final List<Runnable> journalListeners = new CopyOnWriteArrayList<>();

    public BounceStore(Database database, SuppressionPolicy policy, Clock clock) {
        this.writeLock = database.kind() == Database.Kind.SQLITE ? new ReentrantLock(true) : null;
        this.postgres = database.kind() == Database.Kind.POSTGRESQL;
        this.jdbi = database.jdbi();
        this.policy = policy;
        this.clock = clock;
    }

    public SuppressionPolicy policy() {
        return policy;
    }

    /** Stores a message with its records and applies the suppression policy, all in one transaction. */
    public StoreOutcome store(IncomingMessage message, List<BounceRecord> records, String diagnoseError) {
        return storeDiagnosed(message, records.stream().map(Diagnosed::englishOnly).toList(), diagnoseError);
    }

    /** As {@link #store}, with each record's advice in the other languages. */
    public StoreOutcome storeDiagnosed(IncomingMessage message, List<Diagnosed> records, String diagnoseError) {
        return storeDiagnosed(message, records, List.of(), diagnoseError);
    }

    /**
     * As {@link #storeDiagnosed(IncomingMessage, List, String)}, with the addresses the message
     * (a log's piece, a webhook's events) tells were delivered to, kept apart from its records:
     * each delivery only moves the point from which that address's soft bounces count.
     */
    public StoreOutcome storeDiagnosed(IncomingMessage message, List<Diagnosed> records, List<String> deliveredTo,
                                       String diagnoseError) {
        return writing(() -> jdbi.inTransaction(h -> insertMessage(h, message, records, deliveredTo, diagnoseError)));
    }

    /**
     * As {@link #storeDiagnosed(IncomingMessage, List, List, String)} for a message read from a
     * mailbox, moving the mailbox's cursor past it in the same transaction: after a crash the
     * message is either stored and passed, or neither, so it is stored exactly once. Empty when
     * the cursor is already past it (another server reading the same mailbox stored it first):
     * then nothing is stored.
     */
    public Optional<StoreOutcome> storeFromMailbox(IncomingMessage message, List<Diagnosed> records, String diagnoseError,
                                                   MailboxCursor passed) {
        return writing(() -> jdbi.inTransaction(h -> moveCursor(h, passed)
                ? Optional.of(insertMessage(h, message, records, List.of(), diagnoseError)) : Optional.empty()));
    }

    /** Moves a mailbox's cursor without storing anything: past a message that is not taken (too large). */
    public void passInMailbox(MailboxCursor passed) {
        writing(() -> jdbi.inTransaction(h -> moveCursor(h, passed)));
    }

    /** The mailbox's cursor, or empty when it was never read. */
    public Optional<MailboxCursor> mailboxCursor(String mailbox) {
        return jdbi.withHandle(h -> h.createQuery("SELECT uid_validity, last_uid FROM mailbox_cursors WHERE mailbox = :m")
                .bind("m", mailbox)
                .map((rs, ctx) -> new MailboxCursor(mailbox, rs.getLong("uid_validity"), rs.getLong("last_uid")))
                .findOne());
    }

    /**
     * Moves the cursor forward to {@code c}; false when it already stands there or beyond. The
     * condition is checked on the row as it is when the update runs (PostgreSQL makes a second
     * writer wait for the first to commit, SQLite has one writer), so two readers of one mailbox
     * cannot both pass the same message.
     */
    private static boolean moveCursor(Handle h, MailboxCursor c) {
        return h.createUpdate("INSERT INTO mailbox_cursors (mailbox, uid_validity, last_uid) VALUES (:m, :v, :u) "
                        + "ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid "
                        + "WHERE mailbox_cursors.uid_validity <> excluded.uid_validity OR mailbox_cursors.last_uid < excluded.last_uid")
                .bind("m", c.mailbox())
                .bind("v", c.uidValidity())
                .bind("u", c.lastUid())
                .execute() > 0;
    }

    private StoreOutcome insertMessage(Handle h, IncomingMessage message, List<Diagnosed> records, List<String> deliveredTo,
                                       String diagnoseError) {
        long now = clock.millis();
        long messageId = h.createQuery("INSERT INTO messages (received_at, source, mail_from, rcpt_to, "
                        + "size_bytes, raw, record_count, diagnose_error) VALUES (:at, :source, :from, :to, "
                        + ":size, :raw, :count, :error) RETURNING id")
                .bind("at", now)
                .bind("source", message.source())
                .bind("from", message.mailFrom())
                .bind("to", String.join(",", message.rcptTo()))
                .bind("size", (long) message.raw().length)
                .bind("raw", message.raw())
                .bind("count", records.size())
                .bind("error", diagnoseError)
                .mapTo(Long.class).one();
        for (String address : deliveredTo) delivered(h, normalise(address), now);
        return insertRecords(h, messageId, now, records);
    }

    private <T> T writing(java.util.function.Supplier<T> work) {
        if (writeLock == null) return work.get();
        writeLock.lock();
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces a stored message's records with a new diagnosis: the suppressions its old records
     * caused are lifted first, then the policy runs on the new ones. Manual entries stay.
     */
    public StoreOutcome replaceRecords(long messageId, List<BounceRecord> records, String diagnoseError) {
        return replaceDiagnosed(messageId, records.stream().map(Diagnosed::englishOnly).toList(), diagnoseError);
    }

    public StoreOutcome replaceDiagnosed(long messageId, List<Diagnosed> records, String diagnoseError) {
        return replaceDiagnosed(messageId, records, List.of(), diagnoseError);
    }

    /** As {@link #replaceDiagnosed(long, List, String)}, with the deliveries it tells of (see {@link #storeDiagnosed}). */
    public StoreOutcome replaceDiagnosed(long messageId, List<Diagnosed> records, List<String> deliveredTo,
                                         String diagnoseError) {
        return writing(() -> jdbi.inTransaction(h -> {
            long receivedAt = h.createQuery("SELECT received_at FROM messages WHERE id = :id")
                    .bind("id", messageId).mapTo(Long.class).one();
            for (String address : deliveredTo) delivered(h, normalise(address), receivedAt);
            String caused = "FROM suppressions WHERE source <> 'manual' AND bounce_id IN "
                    + "(SELECT id FROM bounces WHERE message_id = :id)";
            List<String> lifted = h.createQuery("SELECT address " + caused).bind("id", messageId).mapTo(String.class).list();
            h.createUpdate("DELETE " + caused).bind("id", messageId).execute();
            long now = clock.millis();
            for (String address : lifted) journal(h, address, "removed", null, "rediagnose", now);
            h.createUpdate("DELETE FROM bounces WHERE message_id = :id").bind("id", messageId).execute();
            h.createUpdate("UPDATE messages SET record_count = :count, diagnose_error = :error WHERE id = :id")
                    .bind("count", records.size()).bind("error", diagnoseError).bind("id", messageId).execute();
            return insertRecords(h, messageId, receivedAt, records);
        }));
    }

    private StoreOutcome insertRecords(Handle h, long messageId, long receivedAt, List<Diagnosed> records) {
        List<Long> ids = new ArrayList<>(records.size());
        List<String> suppressed = new ArrayList<>();
        String day = Instant.ofEpochMilli(receivedAt).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        for (Diagnosed diagnosed : records) {
            BounceRecord record = diagnosed.record();
            Effect effect = policy.effectOf(record);
            String recipient = normalise(record.recipient());
            // a report of a delivery (a DSN asked for on success) is kept as it was, and moves the count too
            if ("delivered".equals(record.action()) && recipient != null) delivered(h, recipient, receivedAt);
            long bounceId = h.createQuery("INSERT INTO bounces (message_id, received_at, day, recipient, reason, "
                            + "hard_bounce, action, status, reply_code, provider, remote_host, actor, policy, "
                            + "record_json, advice_json) VALUES (:message, :at, :day, :recipient, :reason, :hard, :action, "
                            + ":status, :replyCode, :provider, :remoteHost, :actor, :policy, :json, :advice) RETURNING id")
                    .bind("message", messageId)
                    .bind("at", receivedAt)
                    .bind("day", day)
                    .bind("recipient", recipient)
                    .bind("reason", record.reason().label())
                    .bind("hard", record.hardBounce())
                    .bind("action", record.action())
                    .bind("status", record.status())
                    .bind("replyCode", record.replyCode())
                    .bind("provider", record.provider())
                    .bind("remoteHost", record.remoteHost())
                    .bind("actor", record.actor() == null ? null : record.actor().label())
                    .bind("policy", effect.label())
                    .bind("json", toJson(record))
                    .bind("advice", diagnosed.adviceJson())
                    .mapTo(Long.class).one();
            ids.add(bounceId);
            if (effect == Effect.SUPPRESS) {
                if (suppress(h, recipient, record.reason().label(), "bounce", receivedAt, bounceId, null)) {
                    suppressed.add(recipient);
                }
            } else if (effect == Effect.SOFT) {
                // soft bounces count within the window, and only since the address's last delivery
                long windowStart = receivedAt - policy.softWindow().toMillis();
                long lastDelivery = h.createQuery("SELECT delivered_at FROM deliveries WHERE address = :r")
                        .bind("r", recipient).mapTo(Long.class).findOne().orElse(Long.MIN_VALUE);
                long soft = h.createQuery("SELECT COUNT(*) FROM bounces WHERE recipient = :r AND policy = 'soft' "
                                + "AND received_at >= :since")
                        .bind("r", recipient).bind("since", Math.max(windowStart, lastDelivery)).mapTo(Long.class).one();
                if (soft >= policy.softLimit()) {
                    String note = soft + " soft bounces within " + policy.softWindow().toDays() + " days";
                    if (suppress(h, recipient, record.reason().label(), "soft-bounces", receivedAt, bounceId, note)) {
                        suppressed.add(recipient);
                    }
                }
            }
        }
        return new StoreOutcome(messageId, ids, suppressed);
    }

    /** Remembers a delivery to {@code address} at {@code at}, unless a later one is known. */
    private static void delivered(Handle h, String address, long at) {
        if (address == null) return;
        h.createUpdate("INSERT INTO deliveries (address, delivered_at) VALUES (:a, :at) ON CONFLICT (address) "
                        + "DO UPDATE SET delivered_at = excluded.delivered_at WHERE excluded.delivered_at > deliveries.delivered_at")
                .bind("a", address).bind("at", at).execute();
    }

    private boolean suppress(Handle h, String address, String reason, String source, long since,
                             Long bounceId, String note) {
        boolean added = h.createUpdate("INSERT INTO suppressions (address, reason, source, since, bounce_id, note) "
                        + "VALUES (:a, :reason, :source, :since, :bounce, :note) ON CONFLICT (address) DO NOTHING")
                .bind("a", address).bind("reason", reason).bind("source", source).bind("since", since)
                .bind("bounce", bounceId).bind("note", note)
                .execute() > 0;
        if (added) journal(h, address, "added", reason, source, since);
        return added;
    }

    /**
     * Writes a change to the journal. On PostgreSQL a transaction-long lock is taken first, so
     * that the journal's numbers follow the order of commits: a reader that has seen change N
     * never later meets a change numbered below N. SQLite has one writer at a time anyway.
     */
    private void journal(Handle h, String address, String change, String reason, String source, long at) {
        if (postgres) h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7342151)) AS locked").mapTo(Integer.class).one();
        h.createUpdate("INSERT INTO suppression_changes (address, change, reason, source, at, logged_at) "
                        + "VALUES (:a, :change, :reason, :source, :at, :logged)")
                .bind("a", address).bind("change", change).bind("reason", reason).bind("source", source).bind("at", at)
                .bind("logged", now())
                .execute();
        h.afterCommit(this::journalGrew); // (a rolled-back change is never announced)
    }

    /**
     * Runs {@code listener} after each commit of this store that wrote to the suppression journal,
     * on the committing thread: it must be quick. Commits by other servers on the same database
     * are not seen here.
     */
    public void whenJournalGrows(Runnable listener) {
        journalListeners.add(listener);
    }

    private void journalGrew() {
        for (Runnable listener : journalListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // the commit is done: a listener's failure must not make its caller think otherwise
                System.err.println("bouncelens: after a suppression change: " + e);
            }
        }
    }

    /** The changes after {@code after} in the journal, in order, at most {@code limit}. */
    public List<SuppressionChange> suppressionChanges(long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, address, change, reason, source, at FROM suppression_changes "
                        + "WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after).bind("limit", clampLimit(limit))
                .map((rs, ctx) -> new SuppressionChange(rs.getLong("id"), rs.getString("address"), rs.getString("change"),
                        rs.getString("reason"), rs.getString("source"), rs.getLong("at")))
                .list());
    }

    /**
     * The highest change number {@link #pruneBefore} removed from the journal; 0 when none was.
     * A reader whose last change seen is below it has missed changes and must read the whole list.
     */
    public long suppressionChangesPrunedThrough() {
        return mark(JOURNAL_PRUNED_THROUGH).orElse(0L);
    }

    /** A value the store keeps about itself under {@code name}, if one was set. */
    public Optional<Long> mark(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM store_marks WHERE name = :n")
                .bind("n", name).mapTo(Long.class).findOne());
    }

    /**
     * Sets the mark {@code name} to {@code value} unless it is already higher: a mark only moves
     * forward, so two servers on one store writing it in any order leave the higher.
     */
    public void raiseMark(String name, long value) {
        writing(() -> jdbi.inTransaction(h -> h.createUpdate("INSERT INTO store_marks (name, value) VALUES (:n, :v) "
                        + "ON CONFLICT (name) DO UPDATE SET value = " + (postgres ? "GREATEST" : "MAX")
                        + "(store_marks.value, excluded.value)")
                .bind("n", name).bind("v", value).execute()));
    }

    /**
     * Takes the lease called {@code name} until {@code until} (epoch milliseconds) unless another
     * holder's lease on it runs past {@code now}: true when taken. Servers on one store use it so
     * that one of them at a time does a thing (posting a webhook's next page); a holder that dies
     * lets the lease run out. Kept among the store's marks, so it works on SQLite and PostgreSQL.
     */
    public boolean takeLease(String name, long now, long until) {
        return writing(() -> jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO store_marks (name, value) VALUES (:n, 0) ON CONFLICT (name) DO NOTHING")
                    .bind("n", name).execute();
            return h.createUpdate("UPDATE store_marks SET value = :until WHERE name = :n AND value <= :now")
                    .bind("n", name).bind("until", until).bind("now", now).execute() == 1;
        }));
    }

    /** Gives back a lease {@link #takeLease} gave until {@code until}; a lease taken over since is left alone. */
    public void dropLease(String name, long until) {
        writing(() -> jdbi.inTransaction(h -> h.createUpdate("UPDATE store_marks SET value = 0 WHERE name = :n AND value = :until")
                .bind("n", name).bind("until", until).execute()));
    }

    /** The number of the journal's last change, pruned or not; 0 before the first. */
    public long lastSuppressionChange() {
        long kept = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM suppression_changes")
                .mapTo(Long.class).one());
        return Math.max(kept, suppressionChangesPrunedThrough());
    }

    private static String toJson(BounceRecord record) {
        return RecordJson.of(record);
    }

    /** Lower-cased, without angle brackets or spaces: one spelling per address. */
    public static String normalise(String address) {
        if (address == null) return null;
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">") && a.length() >= 2) a = a.substring(1, a.length() - 1).strip();
        return a.isEmpty() ? null : a.toLowerCase(Locale.ROOT);
    }

    // ---- retention ----

    /** Messages pruned per transaction: a long backlog goes in bounded steps, each committed. */
    static final int PRUNE_BATCH = 1_000;

    /** What {@link #pruneBefore} removed. */
    public record Pruned(long messages, long records, long changes) {
    }

    private static final String JOURNAL_PRUNED_THROUGH = "suppression_changes_pruned_through";

    /**
     * Removes the messages received before {@code before} (epoch milliseconds), with their raw
     * bytes and records, and the journal's changes written before then, a batch per transaction.
     * The suppression list stays whole: an entry a pruned bounce caused keeps its reason and time
     * and only loses the link to that bounce, so an address is never sent to again because its
     * bounce grew old. Each address's last delivery stays too (one row an address).
     */
    public Pruned pruneBefore(long before) {
        long messages = 0;
        long records = 0;
        while (true) {
            long[] step = writing(() -> jdbi.inTransaction(h -> {
                List<Long> ids = h.createQuery("SELECT id FROM messages WHERE received_at < :before ORDER BY id LIMIT :n")
                        .bind("before", before).bind("n", PRUNE_BATCH).mapTo(Long.class).list();
                if (ids.isEmpty()) return new long[] {0, 0};
                h.createUpdate("UPDATE suppressions SET bounce_id = NULL WHERE bounce_id IN "
                        + "(SELECT id FROM bounces WHERE message_id IN (<ids>))").bindList("ids", ids).execute();
                long gone = h.createUpdate("DELETE FROM bounces WHERE message_id IN (<ids>)").bindList("ids", ids).execute();
                h.createUpdate("DELETE FROM messages WHERE id IN (<ids>)").bindList("ids", ids).execute();
                return new long[] {ids.size(), gone};
            }));
            messages += step[0];
            records += step[1];
            if (step[0] < PRUNE_BATCH) return new Pruned(messages, records, pruneJournalBefore(before));
        }
    }

    /**
     * Removes the journal's oldest changes, those up to the first one written at or after
     * {@code before}: what stays is always every change after some number, so a reader that has
     * seen up to that number misses nothing. The number is kept as a mark before any row goes,
     * so a reader further behind is told rather than given a list with a hole in it.
     */
    private long pruneJournalBefore(long before) {
        long cut = jdbi.withHandle(h -> {
            Long firstKept = h.createQuery("SELECT MIN(id) FROM suppression_changes WHERE COALESCE(logged_at, at) >= :before")
                    .bind("before", before).mapTo(Long.class).one();
            return firstKept != null ? firstKept - 1
                    : h.createQuery("SELECT COALESCE(MAX(id), 0) FROM suppression_changes").mapTo(Long.class).one();
        });
        long marked = suppressionChangesPrunedThrough();
        if (cut > marked) raiseMark(JOURNAL_PRUNED_THROUGH, cut);
        long through = Math.max(cut, marked); // also what an interrupted earlier pruning left below its mark
        long removed = 0;
        while (true) {
            int step = writing(() -> jdbi.inTransaction(h -> h.createUpdate("DELETE FROM suppression_changes WHERE id IN "
                            + "(SELECT id FROM suppression_changes WHERE id <= :cut ORDER BY id LIMIT :n)")
                    .bind("cut", through).bind("n", PRUNE_BATCH).execute()));
            removed += step;
            if (step < PRUNE_BATCH) return removed;
        }
    }

    /** The store's size before and after {@link #compact}, in bytes. */
    public record Compacted(long before, long after) {
    }

    /**
     * Gives the space pruning freed back to the disk. SQLite keeps freed pages for its next rows,
     * so its file never shrinks by itself: VACUUM rewrites it, holding the database's lock all the
     * while, so a server on the same file cannot store meanwhile (its writes wait up to the busy
     * timeout, then answer 451 and the sender retries). On PostgreSQL autovacuum already makes the
     * space reusable, and VACUUM FULL locks tables for long, so that is left to its operator: null.
     */
    public Compacted compact() {
        if (postgres) return null;
        return writing(() -> jdbi.withHandle(h -> {
            long before = sqliteBytes(h);
            h.execute("VACUUM");
            return new Compacted(before, sqliteBytes(h));
        }));
    }

    private static long sqliteBytes(Handle h) {
        long pages = h.createQuery("PRAGMA page_count").mapTo(Long.class).one();
        return pages * h.createQuery("PRAGMA page_size").mapTo(Long.class).one();
    }

    // ---- messages ----

    public Optional<byte[]> raw(long messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT raw FROM messages WHERE id = :id")
                .bind("id", messageId).mapTo(byte[].class).findOne());
    }

    /** Where a stored message came from ({@code smtp}, {@code log}, ...). */
    public Optional<String> source(long messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT source FROM messages WHERE id = :id")
                .bind("id", messageId).mapTo(String.class).findOne());
    }

    /** Ids of stored messages after {@code afterId}, oldest first. */
    public List<Long> messageIdsAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM messages WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    public Page<StoredMessage> messages(Long cursor, int limit) {
        int size = clampLimit(limit);
        List<StoredMessage> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, received_at, source, mail_from, "
                        + "rcpt_to, size_bytes, record_count, diagnose_error FROM messages WHERE id < :cursor "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("cursor", cursor == null ? Long.MAX_VALUE : cursor).bind("limit", size)
                .map((rs, ctx) -> new StoredMessage(rs.getLong("id"), rs.getLong("received_at"),
                        rs.getString("source"), rs.getString("mail_from"), rs.getString("rcpt_to"),
                        rs.getLong("size_bytes"), rs.getInt("record_count"), rs.getString("diagnose_error")))
                .list());
        return page(rows, size, StoredMessage::id);
    }

    public long messageCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages").mapTo(Long.class).one());
    }

    // ---- bounces ----

    public Page<StoredBounce> bounces(BounceQuery q) {
        int size = clampLimit(q.limit());
        StringBuilder sql = new StringBuilder("SELECT id, message_id, received_at, record_json, advice_json, policy FROM bounces WHERE id < :cursor");
        if (q.recipient() != null) sql.append(" AND recipient = :recipient");
        if (q.reason() != null) sql.append(" AND reason = :reason");
        if (q.provider() != null) sql.append(" AND provider = :provider");
        if (q.since() != null) sql.append(" AND received_at >= :since");
        if (q.until() != null) sql.append(" AND received_at < :until");
        sql.append(" ORDER BY id DESC LIMIT :limit");
        List<StoredBounce> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("cursor", q.cursor() == null ? Long.MAX_VALUE : q.cursor())
                    .bind("limit", size);
            if (q.recipient() != null) query.bind("recipient", normalise(q.recipient()));
            if (q.reason() != null) query.bind("reason", q.reason());
            if (q.provider() != null) query.bind("provider", q.provider());
            if (q.since() != null) query.bind("since", q.since());
            if (q.until() != null) query.bind("until", q.until());
            return query.map((rs, ctx) -> storedBounceOf(rs)).list();
        });
        return page(rows, size, StoredBounce::id);
    }

    public Optional<StoredBounce> bounce(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, message_id, received_at, record_json, advice_json, policy FROM bounces WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> storedBounceOf(rs)).findOne());
    }

    /** Counts of records since {@code since} grouped by one column: reason, provider, day or remote_host. */
    public List<Count> counts(String column, long since, Long until, int limit) {
        if (!COUNTABLE.contains(column)) throw new IllegalArgumentException("cannot count by " + column);
        String sql = "SELECT " + column + " AS k, COUNT(*) AS n FROM bounces WHERE received_at >= :since"
                + (until == null ? "" : " AND received_at < :until")
                + " GROUP BY " + column + (column.equals("day") ? " ORDER BY k" : " ORDER BY n DESC, k") + " LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("since", since).bind("limit", limit);
            if (until != null) query.bind("until", until);
            return query.map((rs, ctx) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
        });
    }

    /** Records per day and per reason or provider, for the chart. */
    public List<DailyCount> daily(String column, long since) {
        if (!column.equals("reason") && !column.equals("provider")) {
            throw new IllegalArgumentException("cannot split days by " + column);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT day, " + column + " AS k, COUNT(*) AS n FROM bounces "
                        + "WHERE received_at >= :since GROUP BY day, " + column + " ORDER BY day, n DESC")
                .bind("since", since)
                .map((rs, ctx) -> new DailyCount(rs.getString("day"), rs.getString("k"), rs.getLong("n")))
                .list());
    }

    /** Sender-side problems since {@code since}: what to fix on the sending side, most frequent first. */
    public List<SenderAlert> senderAlerts(long since) {
        return jdbi.withHandle(h -> {
            List<AlertGroup> groups = h.createQuery("SELECT reason, provider, COUNT(*) AS n, MAX(id) AS latest, "
                            + "MAX(received_at) AS last_seen FROM bounces WHERE policy = 'sender' AND received_at >= :since "
                            + "GROUP BY reason, provider ORDER BY n DESC LIMIT 50")
                    .bind("since", since)
                    .map((rs, ctx) -> new AlertGroup(rs.getString("reason"), rs.getString("provider"),
                            rs.getLong("n"), rs.getLong("last_seen"), rs.getLong("latest")))
                    .list();
            List<SenderAlert> withExamples = new ArrayList<>(groups.size());
            for (AlertGroup g : groups) {
                StoredBounce latest = h.createQuery("SELECT id, message_id, received_at, record_json, advice_json, policy "
                                + "FROM bounces WHERE id = :id")
                        .bind("id", g.latestId()).map((rs, ctx) -> storedBounceOf(rs)).one();
                withExamples.add(new SenderAlert(g.reason(), g.provider(), g.count(), g.lastSeen(), latest));
            }
            return withExamples;
        });
    }

    private record AlertGroup(String reason, String provider, long count, long lastSeen, long latestId) {
    }

    // ---- suppressions ----

    public Page<Suppression> suppressions(String search, String cursor, int limit) {
        int size = clampLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT address, reason, source, since, bounce_id, note FROM suppressions WHERE 1 = 1");
        if (cursor != null) sql.append(" AND address > :cursor");
        if (search != null && !search.isBlank()) sql.append(" AND address LIKE :pattern ESCAPE '!'");
        sql.append(" ORDER BY address LIMIT :limit");
        List<Suppression> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", size);
            if (cursor != null) query.bind("cursor", cursor);
            if (search != null && !search.isBlank()) query.bind("pattern", "%" + likeEscape(search.strip().toLowerCase(Locale.ROOT)) + "%");
            return query.map((rs, ctx) -> suppressionOf(rs)).list();
        });
        String next = rows.size() == size ? rows.get(rows.size() - 1).address() : null;
        return new Page<>(rows, next);
    }

    public Optional<Suppression> suppression(String address) {
        return jdbi.withHandle(h -> h.createQuery("SELECT address, reason, source, since, bounce_id, note FROM suppressions WHERE address = :a")
                .bind("a", normalise(address)).map((rs, ctx) -> suppressionOf(rs)).findOne());
    }

    /**
     * Adds many addresses by hand in one transaction (an imported list), each with its note;
     * those already suppressed keep their entry. Returns how many were added.
     *
     * @param notes address -> note (or null), addresses already normalised
     */
    public int addManualAll(Map<String, String> notes) {
        return writing(() -> jdbi.inTransaction(h -> {
            long now = clock.millis();
            int added = 0;
            for (Map.Entry<String, String> e : notes.entrySet()) {
                if (suppress(h, e.getKey(), "manual", "manual", now, null, e.getValue())) added++;
            }
            return added;
        }));
    }

    /** Adds an address by hand; an address already listed keeps its original entry. */
    public Suppression addManual(String address, String note) {
        String a = normalise(address);
        writing(() -> jdbi.inTransaction(h -> suppress(h, a, "manual", "manual", clock.millis(), null, note)));
        return suppression(a).orElseThrow();
    }

    public boolean remove(String address) {
        String a = normalise(address);
        return writing(() -> jdbi.inTransaction(h -> {
            boolean removed = h.createUpdate("DELETE FROM suppressions WHERE address = :a").bind("a", a).execute() > 0;
            if (removed) journal(h, a, "removed", null, "manual", clock.millis());
            return removed;
        }));
    }

    public long suppressionCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM suppressions").mapTo(Long.class).one());
    }

    private static StoredBounce storedBounceOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        long message = rs.getLong("message_id");
        Long messageId = rs.wasNull() ? null : message;
        return new StoredBounce(rs.getLong("id"), messageId, rs.getLong("received_at"),
                rs.getString("record_json"), rs.getString("advice_json"), rs.getString("policy"));
    }

    private static Suppression suppressionOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        long bounce = rs.getLong("bounce_id");
        Long bounceId = rs.wasNull() ? null : bounce;
        return new Suppression(rs.getString("address"), rs.getString("reason"), rs.getString("source"),
                rs.getLong("since"), bounceId, rs.getString("note"));
    }

    private static String likeEscape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '_' || c == '!') b.append('!');
            b.append(c);
        }
        return b.toString();
    }

    private static int clampLimit(int limit) {
        return limit <= 0 ? 50 : Math.min(limit, MAX_PAGE);
    }

    private static <T> Page<T> page(List<T> rows, int size, java.util.function.ToLongFunction<T> id) {
        String next = rows.size() == size ? String.valueOf(id.applyAsLong(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows, next);
    }

    /** Epoch milliseconds of now, from the store's clock. */
    public long now() {
        return clock.millis();
    }
}
