package io.bouncelens.server.http;

import io.bouncelens.Lang;

/**
 * An {@code Accept-Language} header (RFC 9110 12.5.4) read for the one of our languages the
 * client likes best: {@code zh-HK,zh;q=0.9,en;q=0.8} is zh-TW. Ranges we do not write ({@code
 * fr}, {@code *}) and those with {@code q=0} are passed over; among equal weights the first
 * wins; nothing of ours is English.
 */
final class AcceptLanguage {

    /** Ranges looked at; a longer header is a client's mistake or an attack, not a preference. */
    static final int MAX_RANGES = 32;

    private AcceptLanguage() {
    }

    static Lang preferred(String header) {
        Lang best = null;
        int bestWeight = 0;
        int start = 0;
        for (int n = 0; n < MAX_RANGES && start < header.length(); n++) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? header.length() : comma;
            int semicolon = header.indexOf(';', start);
            int tagEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            Lang lang = Lang.fromTag(header.substring(start, tagEnd));
            int weight = tagEnd < end ? weight(header.substring(tagEnd + 1, end)) : 1000;
            if (lang != null && weight > bestWeight) {
                best = lang;
                bestWeight = weight;
            }
            start = end + 1;
        }
        return best == null ? Lang.EN : best;
    }

    /** The q parameter in thousandths (q=0.9 is 900); 1000 without one, 0 when it cannot be read. */
    private static int weight(String parameters) {
        String p = parameters.strip();
        if (!(p.startsWith("q=") || p.startsWith("Q="))) return 1000;
        String q = p.substring(2).strip();
        if (q.isEmpty() || q.length() > 5) return 0;
        if (q.charAt(0) == '1') return 1000;
        if (q.charAt(0) != '0') return 0;
        int thousandths = 0;
        int scale = 100;
        for (int i = 2; i < q.length(); i++, scale /= 10) {
            char c = q.charAt(i);
            if (c < '0' || c > '9' || q.charAt(1) != '.') return 0;
            thousandths += (c - '0') * scale;
        }
        return thousandths;
    }
}
