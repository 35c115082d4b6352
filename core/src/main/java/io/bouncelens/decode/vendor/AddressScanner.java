package io.bouncelens.decode.vendor;

/**
 * Finds e-mail addresses in a line of report text by scanning outwards from each {@code @}. Each
 * character is looked at a bounded number of times (the scan never crosses another {@code @}), so
 * the cost is linear in the line, whatever it holds.
 */
final class AddressScanner {

    private AddressScanner() {
    }

    /** The first address in {@code text}, lower-cased domain kept as written; null when none. */
    static String first(String text) {
        return firstFrom(text, 0);
    }

    /** The first address that starts at or after {@code from}; null when none. */
    static String firstFrom(String text, int from) {
        if (text == null) return null;
        int at = text.indexOf('@', Math.max(0, from));
        while (at >= 0) {
            String found = around(text, at);
            if (found != null) return found;
            at = text.indexOf('@', at + 1);
        }
        return null;
    }

    /** True when the trimmed line is nothing but one address, optionally in {@code <>}, quotes or with a trailing colon. */
    static String wholeLine(String line) {
        if (line == null) return null;
        String t = strip(line.trim());
        if (t.isEmpty() || t.indexOf(' ') >= 0 || t.indexOf('\t') >= 0) return null;
        String found = first(t);
        return found != null && found.length() == t.length() ? found : null;
    }

    /**
     * Removes the decorations bounce texts put around an address: {@code <>}, quotes, a trailing
     * colon. Moves two indexes and cuts once, so a line of 200,000 colons costs 200,000 steps,
     * not 200,000 copies of the line.
     */
    static String strip(String token) {
        int start = 0;
        int end = token.length();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            char last = token.charAt(end - 1);
            if (last == ':' || last == ',' || last == ';' || last == '.') {
                end--;
                changed = true;
                continue;
            }
            char head = token.charAt(start);
            if ((head == '<' && last == '>') || (head == '"' && last == '"') || (head == '\'' && last == '\'')
                    || (head == '(' && last == ')') || (head == '[' && last == ']')) {
                if (end - start < 2) return "";
                start++;
                end--;
                changed = true;
            }
        }
        return token.substring(start, end);
    }

    private static String around(String text, int at) {
        int start = at;
        while (start > 0 && isLocalChar(text.charAt(start - 1))) start--;
        int end = at + 1;
        while (end < text.length() && isDomainChar(text.charAt(end))) end++;
        // A sentence-final dot or hyphen belongs to the prose, not to the domain.
        while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) end--;
        while (start < at && ".=/|".indexOf(text.charAt(start)) >= 0) start++;
        if (start == at || end <= at + 1) return null;
        String domain = text.substring(at + 1, end);
        if (domain.indexOf('.') < 0 && !domain.equalsIgnoreCase("localhost")) return null;
        return text.substring(start, end);
    }

    private static boolean isLocalChar(char c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) || "!#$%&*+/=?^_{|}~.-".indexOf(c) >= 0;
        }
        return Character.isLetterOrDigit(c); // RFC 6531 addresses
    }

    private static boolean isDomainChar(char c) {
        if (c < 128) return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
        return Character.isLetterOrDigit(c);
    }
}
