package io.bouncelens.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * The messages in an archive (zip, tar): each file in it, in the archive's order, is read as a
 * file would be, a message or an mbox, and named {@code archive!/entry/name}; hidden entries are
 * left out as hidden files are. Entries are read as a stream, one at a time, so an archive of any
 * size takes the memory of one message. A damaged archive, or an entry that cannot be read, ends
 * the archive with one error after the messages before it. Entries are not unpacked again: a
 * {@code .gz} or an archive inside is read as it is.
 */
abstract class ArchiveEntries implements Iterator<InputMessage> {

    private final String archive;
    private final BiFunction<InputStream, String, Iterator<InputMessage>> openEntry;
    private Iterator<InputMessage> current = Collections.emptyIterator();
    private EntryData data;
    private boolean finished;

    /**
     * @param openEntry reads one entry's data as a file's, the entry shown as the given name; it
     *                  must not close the stream it is given
     */
    ArchiveEntries(String archive, BiFunction<InputStream, String, Iterator<InputMessage>> openEntry) {
        this.archive = archive;
        this.openEntry = openEntry;
    }

    /**
     * Moves to the next entry holding a file's data and gives its name, directories and the
     * format's own entries passed over; null at the archive's end. Its data is then read from
     * {@link #entryData()} (not necessarily to its end).
     */
    abstract String nextFileEntry() throws IOException;

    /** The data of the entry {@link #nextFileEntry} moved to. */
    abstract InputStream entryData();

    /** The format's failures in words that name the format ("zip archive ends early"). */
    abstract IOException explained(Exception e);

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (finished) return false;
            current = nextEntry();
        }
        return true;
    }

    @Override
    public InputMessage next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
    }

    private Iterator<InputMessage> nextEntry() {
        // an entry whose data could not be read has said so; the archive after it cannot be trusted
        if (data != null && data.failed) {
            finished = true;
            return Collections.emptyIterator();
        }
        try {
            String name;
            do {
                name = nextFileEntry();
                if (name == null) {
                    finished = true;
                    return Collections.emptyIterator();
                }
            } while (isHidden(name));
            data = new EntryData(entryData());
            return openEntry.apply(data, archive + "!/" + name);
        } catch (IOException | RuntimeException e) {
            finished = true;
            return List.of(InputMessage.failed(archive, explained(e).getMessage())).iterator();
        }
    }

    /**
     * Left out, as hidden files are from a directory: a name with a part starting with a dot
     * ({@code .DS_Store}), and macOS's copies of the files' attributes ({@code __MACOSX/._x.eml}).
     */
    static boolean isHidden(String name) {
        for (int start = 0; start <= name.length(); ) {
            int end = name.indexOf('/', start);
            if (end < 0) end = name.length();
            if (name.startsWith(".", start) || name.startsWith("__MACOSX/", start)) return true;
            start = end + 1;
        }
        return false;
    }

    /**
     * One entry's data, which the reader of the entry must not close (the next entry is read from
     * the same stream). A failing read is explained and remembered, and ends the archive.
     */
    private final class EntryData extends FilterInputStream {
        private boolean failed;

        EntryData(InputStream entry) {
            super(entry);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw explained(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw explained(e);
            }
        }

        /** None known, for the reason {@link GzipInput#available} gives. */
        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() {
            // the next entry is read from the same stream
        }
    }
}
