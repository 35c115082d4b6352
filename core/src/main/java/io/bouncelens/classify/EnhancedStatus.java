package io.bouncelens.classify;

/**
 * An RFC 3463 enhanced status code, {@code class.subject.detail}, e.g. 5.1.1. Read by hand so that
 * outside text never meets a back-tracking regular expression.
 */
record EnhancedStatus(int statusClass, int subject, int detail) {

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }

    // Written out rather than left to the record: the generated ones are bootstrapped through
    // method handles at their first call, which spins some twenty classes in the interpreter on
    // the first message a command reads (measured with -Xlog:class+load).
    @Override
    public boolean equals(Object o) {
        return o instanceof EnhancedStatus e && e.statusClass == statusClass && e.subject == subject && e.detail == detail;
    }

    @Override
    public int hashCode() {
        return (statusClass * 31 + subject) * 1009 + detail;
    }

    /** Parses a whole string such as {@code 5.7.1}; null when it is not one. */
    static EnhancedStatus parse(String s) {
        if (s == null) return null;
        String t = s.trim();
        EnhancedStatus found = at(t, 0);
        return found != null && found.toString().length() == t.length() ? found : null;
    }

    /**
     * Reads a status code that starts at {@code i} and stands on its own: not glued to letters,
     * digits or dots on either side (so IP addresses and version numbers are not taken for one).
     */
    static EnhancedStatus at(CharSequence text, int i) {
        int n = text.length();
        if (i >= n) return null;
        char c = text.charAt(i);
        if (c != '2' && c != '4' && c != '5') return null;
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (Character.isLetterOrDigit(before) || before == '.') return null;
        }
        if (i + 1 >= n || text.charAt(i + 1) != '.') return null;
        int j = i + 2;
        int subjectStart = j;
        while (j < n && j - subjectStart < 3 && isDigit(text.charAt(j))) j++;
        if (j == subjectStart || j >= n || text.charAt(j) != '.') return null;
        if (j - subjectStart > 1 || text.charAt(subjectStart) > '7') return null; // subjects are 0-7
        int subject = text.charAt(subjectStart) - '0';
        int detailStart = ++j;
        while (j < n && j - detailStart < 3 && isDigit(text.charAt(j))) j++;
        if (j == detailStart) return null;
        if (j < n) {
            char after = text.charAt(j);
            if (isDigit(after) || Character.isLetter(after)) return null;
            if (after == '.' && j + 1 < n && isDigit(text.charAt(j + 1))) return null;
        }
        int detail = 0; // at most three ASCII digits: read in place, no copy
        for (int k = detailStart; k < j; k++) detail = detail * 10 + (text.charAt(k) - '0');
        return new EnhancedStatus(c - '0', subject, detail);
    }

    /** Length of the code as written at {@code i} (for scanners that move past it). */
    int length() {
        return toString().length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
