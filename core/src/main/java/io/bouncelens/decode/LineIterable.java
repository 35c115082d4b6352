package io.bouncelens.decode;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The lines of a text (split on {@code \n}, a trailing {@code \r} dropped), at most {@code max}. */
public final class LineIterable implements Iterable<String> {

    private final String text;
    private final int max;

    public LineIterable(String text, int max) {
        this.text = text == null ? "" : text;
        this.max = max;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            int pos = 0;
            int count = 0;

            @Override
            public boolean hasNext() {
                return pos <= text.length() && count < max && !(pos == text.length() && pos > 0);
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                int eol = text.indexOf('\n', pos);
                if (eol < 0) eol = text.length();
                int end = eol > pos && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
                String line = text.substring(pos, end);
                pos = eol + 1;
                count++;
                return line;
            }
        };
    }
}
