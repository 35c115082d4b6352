package io.bouncelens.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.BiFunction;

/**
 * The messages in a tar archive, plain or gzip-compressed ({@code .tar}, {@code .tar.gz},
 * {@code .tgz}: how a Maildir is usually handed over), recognised by its first header's checksum,
 * not by its name; read as {@link ArchiveEntries} says. The archive is a row of 512-byte blocks: a
 * header per entry (POSIX.1 ustar, or the older form without its magic), then the entry's data
 * padded to a whole block. Regular files are read; directories, links and devices are passed
 * over; GNU's long-name entries and POSIX pax headers give the next entry's name (and pax its
 * size), read up to {@link #MAX_NAME_BYTES}. Nothing is allocated by what a header says but those.
 */
final class TarEntries extends ArchiveEntries {

    static final int BLOCK = 512;
    /** The most a GNU long name or a pax header may hold: a name, not data. */
    static final int MAX_NAME_BYTES = 64 * 1024;

    private static final int SIZE_AT = 124;
    private static final int CHECKSUM_AT = 148;
    private static final int TYPE_AT = 156;
    private static final int MAGIC_AT = 257;
    private static final int PREFIX_AT = 345;

    /**
     * A tar archive's first block is a header whose checksum adds up: the sum of its bytes, the
     * checksum's own eight counted as spaces. Old tars summed signed bytes, so either sum counts.
     */
    static boolean isTar(byte[] head) {
        return head.length >= BLOCK && head[0] != 0 && checksumMatches(head);
    }

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    /** Of the current entry: data its reader has not read yet, then the padding to the next block. */
    private long unread;
    private long padding;
    private final InputStream entryData = new EntryData();

    TarEntries(InputStream in, String archive, BiFunction<InputStream, String, Iterator<InputMessage>> openEntry) {
        super(archive, openEntry);
        this.in = in;
    }

    @Override
    String nextFileEntry() throws IOException {
        skip(unread + padding);
        unread = 0;
        padding = 0;
        String longName = null;
        String paxPath = null;
        long paxSize = -1;
        while (true) {
            if (!readHeader()) return null;
            long size = size(header);
            char type = (char) (header[TYPE_AT] & 0xff);
            switch (type) {
                case 'L' -> longName = text(readNameData(size));        // GNU: the next entry's name
                case 'x' -> {                                           // pax: the next entry's fields
                    byte[] pax = readNameData(size);
                    String path = paxValue(pax, "path");
                    if (path != null) paxPath = path;
                    String paxSizeText = paxValue(pax, "size");
                    if (paxSizeText != null) paxSize = decimal(paxSizeText);
                }
                case '0', '\0', '7' -> {                                // a regular file (7: contiguous)
                    unread = paxSize >= 0 ? paxSize : size;
                    padding = paddingAfter(unread);
                    String name = longName != null ? longName : paxPath != null ? paxPath : headerName();
                    return withoutDotSlash(name);
                }
                default -> {                                            // directories, links, devices, globals
                    skip(size + paddingAfter(size));
                    if (type != 'K' && type != 'g') {                  // (K: a long link name, for the next entry)
                        longName = null;
                        paxPath = null;
                        paxSize = -1;
                    }
                }
            }
        }
    }

    @Override
    InputStream entryData() {
        return entryData;
    }

    @Override
    IOException explained(Exception e) {
        if (e instanceof EOFException) return new IOException("tar archive ends early (a cut-off file?)", e);
        if (e instanceof IOException io) return io; // ours, or the gzip around it, which names itself
        return new IOException("tar archive: " + e.getMessage(), e);
    }

    /** Reads the next header; false at the archive's end (a zero block, or the data's end between entries). */
    private boolean readHeader() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) return false; // ended without its two zero blocks, as some writers leave it
        if (n < BLOCK) throw new EOFException();
        if (allZero(header)) return false;
        if (!checksumMatches(header)) throw new IOException("tar archive: a header's checksum does not add up (a damaged file?)");
        return true;
    }

    private byte[] readNameData(long size) throws IOException {
        if (size > MAX_NAME_BYTES) throw new IOException("tar archive: a name or pax header of " + size + " bytes");
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) throw new EOFException();
        skip(paddingAfter(size));
        return data;
    }

    /** The name in the header: ustar's prefix, a slash and the name; the name alone in older headers. */
    private String headerName() {
        String name = text(header, 0, 100);
        boolean ustar = header[MAGIC_AT] == 'u' && header[MAGIC_AT + 1] == 's' && header[MAGIC_AT + 2] == 't'
                && header[MAGIC_AT + 3] == 'a' && header[MAGIC_AT + 4] == 'r';
        String prefix = ustar ? text(header, PREFIX_AT, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** "./cur/1.eml" as "cur/1.eml": the dot is the directory tar was run in, not a hidden part. */
    private static String withoutDotSlash(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        return n;
    }

    private void skip(long n) throws IOException {
        if (n > 0) in.skipNBytes(n);
    }

    private static long paddingAfter(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /**
     * The size field: octal digits between spaces and NULs, or, when its first byte has the top
     * bit set, a big-endian binary number in the rest (GNU's form for files of 8 GiB and over).
     */
    static long size(byte[] header) throws IOException {
        if ((header[SIZE_AT] & 0x80) != 0) {
            long v = 0;
            for (int i = SIZE_AT + 1; i < SIZE_AT + 12; i++) {
                if (v >>> 55 != 0) throw new IOException("tar archive: an entry's size is too large");
                v = v << 8 | (header[i] & 0xff);
            }
            return v;
        }
        long size = octal(header, SIZE_AT, 12);
        if (size < 0) throw new IOException("tar archive: a header field is not an octal number");
        return size;
    }

    /**
     * Octal digits between spaces and NULs; -1 when another byte stands among them. (Not an
     * exception: every file that is no mbox, gzip or zip is asked whether it starts a tar, and
     * an e-mail's text at the checksum's place is no number.)
     */
    private static long octal(byte[] b, int from, int length) {
        long v = 0;
        int i = from;
        int end = from + length;
        while (i < end && (b[i] == ' ' || b[i] == 0)) i++;
        for (; i < end && b[i] != ' ' && b[i] != 0; i++) {
            if (b[i] < '0' || b[i] > '7') return -1;
            v = v << 3 | (b[i] - '0');
        }
        return v;
    }

    private static long decimal(String s) throws IOException {
        if (s.isEmpty() || s.length() > 18) throw new IOException("tar archive: a pax size of " + s.length() + " digits");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IOException("tar archive: a pax size that is not a number");
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The last value of {@code key} in a pax header: records of the form "LENGTH key=value\n",
     * LENGTH counting the whole record in bytes.
     */
    static String paxValue(byte[] pax, String key) throws IOException {
        String found = null;
        for (int pos = 0; pos < pax.length; ) {
            int at = pos;
            int length = 0;
            while (at < pax.length && at - pos < 7 && pax[at] >= '0' && pax[at] <= '9') length = length * 10 + (pax[at++] - '0');
            int end = pos + length;
            if (at == pos || at >= pax.length || pax[at] != ' ' || end <= at + 1 || end > pax.length) {
                throw new IOException("tar archive: a malformed pax header");
            }
            int equals = at + 1;
            while (equals < end && pax[equals] != '=') equals++;
            if (equals == end) throw new IOException("tar archive: a malformed pax header");
            int valueEnd = pax[end - 1] == '\n' ? end - 1 : end;
            if (new String(pax, at + 1, equals - at - 1, StandardCharsets.UTF_8).equals(key)) {
                found = new String(pax, equals + 1, Math.max(0, valueEnd - equals - 1), StandardCharsets.UTF_8);
            }
            pos = end;
        }
        return found;
    }

    private static boolean checksumMatches(byte[] h) {
        long stored = octal(h, CHECKSUM_AT, 8);
        if (stored < 0) return false;
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            boolean inField = i >= CHECKSUM_AT && i < CHECKSUM_AT + 8;
            unsigned += inField ? ' ' : h[i] & 0xff;
            signed += inField ? ' ' : h[i];
        }
        return stored == unsigned || stored == signed;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static String text(byte[] b) {
        return text(b, 0, b.length);
    }

    /** The bytes up to the first NUL, as UTF-8 (what tars write today; a name is only shown). */
    private static String text(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) end++;
        while (end > from && b[end - 1] == '\n') end--; // GNU long names end in NUL, some in a newline
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** The current entry's data: at most its size, then the end; cut short, an error. */
    private final class EntryData extends InputStream {
        @Override
        public int read() throws IOException {
            if (unread == 0) return -1;
            int c = in.read();
            if (c < 0) throw new EOFException();
            unread--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (unread == 0) return -1;
            if (len == 0) return 0;
            int n = in.read(b, off, (int) Math.min(len, unread));
            if (n < 0) throw new EOFException();
            unread -= n;
            return n;
        }
    }
}
