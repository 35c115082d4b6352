package io.bouncelens.classify;

import java.util.Arrays;

/** The {@code reply:} condition of an entry: exact reply codes and whole classes ({@code 4xx}). */
record ReplyCondition(int[] codes, boolean[] classes) {

    boolean matches(Integer replyCode) {
        if (replyCode == null) return false;
        int c = replyCode;
        for (int code : codes) if (code == c) return true;
        int cls = c / 100;
        return cls >= 0 && cls < classes.length && classes[cls];
    }

    /** True when the condition names whole classes only (a weaker reading than an exact code). */
    boolean onlyClasses() {
        return codes.length == 0;
    }

    static ReplyCondition parse(String value) {
        String[] tokens = KbStanza.words(value).toArray(new String[0]);
        int[] codes = new int[tokens.length];
        int n = 0;
        boolean[] classes = new boolean[10];
        for (String t : tokens) {
            if (t.length() == 3 && (t.endsWith("xx") || t.endsWith("XX")) && Character.isDigit(t.charAt(0))) {
                classes[t.charAt(0) - '0'] = true;
                continue;
            }
            try {
                int code = Integer.parseInt(t);
                if (code < 200 || code > 599) throw new NumberFormatException();
                codes[n++] = code;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad reply code '" + t + "'");
            }
        }
        return new ReplyCondition(Arrays.copyOf(codes, n), classes);
    }
}
