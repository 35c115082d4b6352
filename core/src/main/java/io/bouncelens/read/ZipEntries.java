package io.bouncelens.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The messages in a zip archive (bounces saved from a mail client or exported from webmail come
 * so), recognised by its first bytes, not by its name: each entry, in the archive's order, is
 * read as a file would be, a message or an mbox, and named {@code archive.zip!/entry/name};
 * hidden entries are left out as hidden files are. Entries are read as a stream, one at a time,
 * so an archive of any size takes the memory of one message. A damaged archive, or an entry the
 * JDK cannot read (encrypted, say), ends the archive with one error after the messages before
 * it. Entries are not unpacked again: a {@code .gz} or a zip inside is read as it is.
 */
final class ZipEntries implements Iterator<InputMessage> {

    /** A zip file starts with a local file header's signature, "PK\3\4" (APPNOTE 4.3.7). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private final ZipInputStream zip;
    private final String archive;
    private final BiFunction<InputStream, String, Iterator<InputMessage>> openEntry;
    private Iterator<InputMessage> current = Collections.emptyIterator();
    private EntryData data;
    private boolean finished;

    /**
     * @param openEntry reads one entry's data as a file's, the entry shown as the given name; it
     *                  must not close the stream it is given
     */
    ZipEntries(InputStream in, String archive, BiFunction<InputStream, String, Iterator<InputMessage>> openEntry) {
        // Latin-1 for the names of entries without the UTF-8 flag (old tools wrote them in the
        // PC's code page): a name is only shown, and Latin-1 cannot fail to decode
        this.zip = new ZipInputStream(in, StandardCharsets.ISO_8859_1);
        this.archive = archive;
        this.openEntry = openEntry;
    }

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
            ZipEntry entry;
            do {
                entry = zip.getNextEntry();
                if (entry == null) {
                    finished = true;
                    return Collections.emptyIterator();
                }
            } while (entry.isDirectory() || isHidden(entry.getName()));
            data = new EntryData(zip);
            return openEntry.apply(data, archive + "!/" + entry.getName());
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

    /** The JDK's messages ("Unexpected end of ZLIB input stream") in words that name the format. */
    private static IOException explained(Exception e) {
        if (e instanceof EOFException) return new IOException("zip archive ends early (a cut-off file?)", e);
        if (e instanceof ZipException || e instanceof IllegalArgumentException) {
            return new IOException("zip archive: " + e.getMessage(), e);
        }
        return e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
    }

    /**
     * One entry's data: the archive's stream, which the reader of the entry must not close. A
     * failing read is explained and remembered, and ends the archive.
     */
    private static final class EntryData extends FilterInputStream {
        private boolean failed;

        EntryData(InputStream zip) {
            super(zip);
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
