package io.bouncelens.server.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.SuppressionChange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes every change to the suppression list to a sending platform's webhook, in journal order,
 * so the platform stops mailing an address as soon as bouncelens suppresses it (and starts again
 * when it is removed) without asking. It is the journal that {@code GET /api/v1/suppression-changes}
 * serves, posted a page at a time: the page's last change number is kept in the store once the
 * webhook answers 2xx, so across restarts nothing is skipped; a change can come twice (a crash
 * between the answer and the mark), and its {@code id} lets the receiver see that. Servers on one
 * store take turns through a lease in the store, so they do not each post the same page. A
 * failing webhook is tried again with growing pauses; nothing is dropped meanwhile, as the
 * journal keeps it (unless {@code prune} removes it first: the next post then says so, for the
 * receiver to read the whole list again).
 */
public final class SuppressionNotifier implements AutoCloseable {

    static final int PAGE = 500;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long one server may post to a webhook before another may take over: beyond a post's time limit. */
    private static final Duration LEASE = REQUEST_TIMEOUT.multipliedBy(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Path secretFile;
    private final Duration interval;
    private final BounceStore store;
    private final IntakeCounters counters;
    private final Clock clock;
    private final String markName;
    private final String leaseName;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(REQUEST_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Thread thread;
    private final Object wake = new Object();
    /** A commit here wrote to the journal since the last post began (guarded by {@link #wake}). */
    private boolean journalGrew;
    /** The webhook failed last time: wait out the pause, commits or not. */
    private volatile boolean backingOff;
    private volatile boolean running = true;
    private volatile long delivered;

    public SuppressionNotifier(URI url, Path secretFile, Duration interval, BounceStore store, IntakeCounters counters,
                               Clock clock) {
        this.url = url;
        this.secretFile = secretFile;
        this.interval = interval;
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        // keyed without the query: a token rotated there must not send the whole journal again
        this.markName = "webhook " + shown();
        this.leaseName = "posting to " + markName;
        this.delivered = store.mark(markName).orElse(0L);
        this.thread = new Thread(this::run, "bouncelens-webhook");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** How many changes the webhook has not been given yet. */
    public long pending() {
        return Math.max(0, store.lastSuppressionChange() - delivered);
    }

    private void run() {
        int failures = 0;
        while (running) {
            boolean more;
            try {
                more = postNextPage();
                if (failures > 0) System.err.println("bouncelens: suppression webhook " + shown() + " takes changes again");
                failures = 0;
            } catch (IOException | RuntimeException e) {
                if (!running) return; // closed mid-post
                counters.webhookFailures.increment();
                if (failures++ == 0) {
                    System.err.println("bouncelens: suppression webhook " + shown() + " failed, tried again until it "
                            + "answers (" + pending() + " changes waiting): " + oneLine(e));
                }
                more = false;
            }
            backingOff = failures > 0;
            if (!more && running) pause(failures == 0 ? interval : backoff(failures));
        }
    }

    /**
     * Told by the store after a commit on this server wrote to the journal: the change goes out
     * now instead of at the next look (which is still how changes committed by another server on
     * the same store are found). Not while backing off from a failing webhook.
     */
    public void journalGrew() {
        synchronized (wake) {
            journalGrew = true;
            if (!backingOff) wake.notifyAll();
        }
    }

    /**
     * Posts the changes after the last one delivered, at most a page; true when a full page went
     * (more may wait), false when there was nothing or less. Throws when the webhook did not take them.
     */
    boolean postNextPage() throws IOException {
        // One server at a time posts to a webhook (two servers on the store posted the same page
        // twice before). The lease outlasts a post, whose request is limited to REQUEST_TIMEOUT.
        long now = clock.millis();
        long until = now + LEASE.toMillis();
        if (!store.takeLease(leaseName, now, until)) return false; // another server is posting: look again later
        try {
            return postPage();
        } finally {
            store.dropLease(leaseName, until);
        }
    }

    private boolean postPage() throws IOException {
        // another server on the store may have delivered further: go on from the higher mark
        delivered = Math.max(delivered, store.mark(markName).orElse(0L));
        long after = delivered;
        long prunedThrough = store.suppressionChangesPrunedThrough();
        boolean missed = after < prunedThrough;
        if (missed) after = prunedThrough;
        List<SuppressionChange> changes = store.suppressionChanges(after, PAGE);
        if (changes.isEmpty() && !missed) return false;
        long last = changes.isEmpty() ? after : changes.get(changes.size() - 1).id();
        List<Map<String, Object>> results = new ArrayList<>(changes.size());
        for (SuppressionChange c : changes) results.add(c.fields());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("after", last);
        if (missed) {
            body.put("missed", "the changes after " + delivered + " up to " + prunedThrough + " were pruned before this "
                    + "webhook took them; read the whole list (GET /api/v1/suppressions?format=csv) and go on from here");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "bouncelens")
                .header("X-Bouncelens-Timestamp", timestamp)
                .header("X-Bouncelens-Signature", signature(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped");
        }
        if (response.statusCode() / 100 != 2) throw new IOException("HTTP " + response.statusCode());
        store.raiseMark(markName, last);
        delivered = last;
        counters.webhookChangesDelivered.add(changes.size());
        return changes.size() == PAGE;
    }

    /**
     * "sha256=" and the HMAC-SHA256 of "TIMESTAMP.BODY" under the secret, in hex, so the receiver
     * knows the post is ours and recent; without a secret file, "unsigned". The file is read at each post, so a new
     * secret needs no restart.
     */
    private String signature(String timestamp, byte[] body) throws IOException {
        if (secretFile == null) return "unsigned";
        byte[] secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // HmacSHA256 is in every JDK
        }
    }

    private Duration backoff(int failures) {
        Duration pause = interval.multipliedBy(1L << Math.min(failures, 16));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    private void pause(Duration d) {
        synchronized (wake) {
            if (!running) return;
            boolean grew = journalGrew;
            journalGrew = false;
            if (grew && !backingOff) return; // committed while the last post was under way
            try {
                wake.wait(d.toMillis());
                journalGrew = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** The URL without its query, which may hold a token. */
    private String shown() {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    /**
     * Stops after the post under way, if any, has had its answer and its mark: interrupting it
     * would leave a change the platform took unmarked, to be posted again after a restart.
     */
    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
