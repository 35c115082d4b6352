package io.bouncelens.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The messages behind the paths a user gives, one at a time and in order: a file holds one
 * message, or several when it is an mbox (recognised by a {@code From } line at its start, not
 * by its name), either of them possibly gzip-compressed, or several in a zip or tar archive
 * (recognised the same way, a tar gzip-compressed or not); a directory is walked recursively in
 * name order (so a Maildir's {@code cur/}, {@code new/} and {@code tmp/} are read); {@code -} is
 * standard input. Only the current message is held, so a mailbox of any size is read in bounded
 * memory. Not thread-safe.
 */
public final class MessageSource implements Iterator<InputMessage>, AutoCloseable {

    /**
     * How long standard input must stay quiet after a blank line for an mbox message to end there,
     * without waiting for the next From line: a live pipe ({@code tail -F} on a mailbox) gets each
     * message answered as it arrives, not when the next one comes. Five times the pause after
     * which the command flushes its output, so that a writer's brief stall is not taken for it.
     */
    static final long LIVE_MESSAGE_END_NANOS = 50_000_000;

    private final Deque<String> pending = new ArrayDeque<>();
    private final InputStream stdin;
    private final boolean stdinMayBeLive;
    private final long maxMessageBytes;
    private final Deque<Iterator<Path>> walking = new ArrayDeque<>();
    private final Deque<InputMessage> failures = new ArrayDeque<>();
    private Iterator<InputMessage> current;
    private InputStream open;
    private InputMessage next;

    /** Standard input is read as a file would be: a message ends at the next From line or the end. */
    public MessageSource(List<String> paths, InputStream stdin, long maxMessageBytes) {
        this(paths, stdin, maxMessageBytes, false);
    }

    /**
     * With {@code stdinMayBeLive}, standard input may be a pipe that stays open between messages
     * ({@code tail -F}): an mbox message on it also ends where the input pauses after its blank
     * line ({@link #LIVE_MESSAGE_END_NANOS}).
     */
    public MessageSource(List<String> paths, InputStream stdin, long maxMessageBytes, boolean stdinMayBeLive) {
        this.pending.addAll(paths);
        this.stdin = stdin;
        this.stdinMayBeLive = stdinMayBeLive;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!failures.isEmpty()) {
                next = failures.removeFirst();
            } else if (current != null && current.hasNext()) {
                next = current.next();
            } else if (!advance()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InputMessage next() {
        if (!hasNext()) throw new NoSuchElementException();
        InputMessage m = next;
        next = null;
        return m;
    }

    /** Moves to the next file; false when there is none. */
    private boolean advance() {
        closeCurrent();
        Path file = nextWalkedFile();
        if (file != null) {
            current = openFile(file, file.toString());
            return true;
        }
        if (pending.isEmpty()) return false;
        String given = pending.removeFirst();
        if (given.equals("-")) {
            current = openStream(stdin, "-", false);
            return true;
        }
        Path path = Path.of(given);
        if (Files.isDirectory(path)) {
            walking.push(sortedChildren(path).iterator());
            return true;
        }
        current = openFile(path, given);
        return true;
    }

    private Path nextWalkedFile() {
        while (!walking.isEmpty()) {
            Iterator<Path> it = walking.peek();
            if (!it.hasNext()) {
                walking.pop();
                continue;
            }
            Path p = it.next();
            // links to directories are not followed inside a walk: a link loop must not walk forever
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                walking.push(sortedChildren(p).iterator());
            } else if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** A directory's entries in name order, hidden ones (.DS_Store, .git) left out. */
    private List<Path> sortedChildren(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(".")) out.add(p);
            }
        } catch (IOException e) {
            failures.add(InputMessage.failed(dir.toString(), "cannot list directory: " + reason(e)));
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    private Iterator<InputMessage> openFile(Path path, String shownAs) {
        try {
            InputStream in = Files.newInputStream(path);
            return openStream(in, shownAs, true);
        } catch (IOException e) {
            return List.of(InputMessage.failed(shownAs, reason(e))).iterator();
        }
    }

    private Iterator<InputMessage> openStream(InputStream raw, String shownAs, boolean closeAfter) {
        return openStream(raw, shownAs, closeAfter, Origin.AS_GIVEN);
    }

    /**
     * What a stream came out of. Data is unpacked once only (a tar may be gzip-compressed), so
     * that what unpacks to gzip again (a quine, a {@code .gz} of a {@code .gz}) or an archive in
     * an archive is read as it is rather than forever.
     */
    private enum Origin { AS_GIVEN, GZIP, ARCHIVE }

    private Iterator<InputMessage> openStream(InputStream raw, String shownAs, boolean closeAfter, Origin origin) {
        BufferedInputStream in = new BufferedInputStream(raw, 64 << 10);
        if (closeAfter) open = in;
        try {
            in.mark(8);
            byte[] head = in.readNBytes(5);
            in.reset();
            if (head.length == 0) {
                String empty = origin == Origin.AS_GIVEN ? "empty file" : "empty once unpacked";
                return List.of(InputMessage.failed(shownAs, empty)).iterator();
            }
            // (standard input is not closed, so neither is its inflater: its cleaner frees it)
            if (origin == Origin.AS_GIVEN && GzipInput.isGzip(head)) {
                return openStream(GzipInput.open(in), shownAs, closeAfter, Origin.GZIP);
            }
            if (origin == Origin.AS_GIVEN && ZipEntries.isZip(head)) {
                return new ZipEntries(in, shownAs, (entry, name) -> openStream(entry, name, false, Origin.ARCHIVE));
            }
            // (the splitter reads CRLF and CR-only mailboxes too, normalising their line ends)
            if (MboxSplitter.startsWithFrom(head, 0)) {
                // (a pause means something only on the input as given: a decompressor's or an
                // archive's stream says nothing of it)
                long pause = stdinMayBeLive && raw == stdin && origin == Origin.AS_GIVEN ? LIVE_MESSAGE_END_NANOS : 0;
                return new MboxSplitter(in, shownAs, maxMessageBytes, pause);
            }
            if (origin != Origin.ARCHIVE && startsWithTarHeader(in)) {
                return new TarEntries(in, shownAs, (entry, name) -> openStream(entry, name, false, Origin.ARCHIVE));
            }
            return List.of(readWhole(in, shownAs)).iterator();
        } catch (IOException e) {
            return List.of(InputMessage.failed(shownAs, reason(e))).iterator();
        }
    }

    /**
     * Whether the data starts with a tar header (its first 512 bytes). A read failing within them
     * (a cut-off {@code .gz} of one short message) says no: the message's reader meets it and
     * reports it with what was read before.
     */
    private static boolean startsWithTarHeader(BufferedInputStream in) throws IOException {
        in.mark(TarEntries.BLOCK);
        try {
            return TarEntries.isTar(in.readNBytes(TarEntries.BLOCK));
        } catch (IOException e) {
            return false;
        } finally {
            in.reset();
        }
    }

    /** One message: its first {@code maxMessageBytes} bytes; the rest is not read. */
    private InputMessage readWhole(InputStream in, String shownAs) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxMessageBytes));
        boolean truncated = bytes.length == maxMessageBytes && in.read() >= 0;
        return new InputMessage(shownAs, 1, bytes, truncated, null);
    }

    private void closeCurrent() {
        current = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // a file we only read from: nothing is lost
            }
            open = null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
