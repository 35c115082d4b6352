package io.bouncelens.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The messages in a zip archive (bounces saved from a mail client or exported from webmail come
 * so), recognised by its first bytes, not by its name; read as {@link ArchiveEntries} says. An
 * entry the JDK cannot read (encrypted, say) ends the archive with one error.
 */
final class ZipEntries extends ArchiveEntries {

    /** A zip file starts with a local file header's signature, "PK\3\4" (APPNOTE 4.3.7). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private final ZipInputStream zip;

    ZipEntries(InputStream in, String archive, BiFunction<InputStream, String, Iterator<InputMessage>> openEntry) {
        super(archive, openEntry);
        // Latin-1 for the names of entries without the UTF-8 flag (old tools wrote them in the
        // PC's code page): a name is only shown, and Latin-1 cannot fail to decode
        this.zip = new ZipInputStream(in, StandardCharsets.ISO_8859_1);
    }

    @Override
    String nextFileEntry() throws IOException {
        ZipEntry entry;
        do {
            entry = zip.getNextEntry();
            if (entry == null) return null;
        } while (entry.isDirectory());
        return entry.getName();
    }

    @Override
    InputStream entryData() {
        return zip;
    }

    /** The JDK's messages ("Unexpected end of ZLIB input stream") in words that name the format. */
    @Override
    IOException explained(Exception e) {
        if (e instanceof EOFException) return new IOException("zip archive ends early (a cut-off file?)", e);
        if (e instanceof ZipException || e instanceof IllegalArgumentException) {
            return new IOException("zip archive: " + e.getMessage(), e);
        }
        return e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
    }
}
