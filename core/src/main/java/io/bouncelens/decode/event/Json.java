package io.bouncelens.decode.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reading fields out of a {@link JsonTree}, forgiving of whatever type a sender put there. */
final class Json {

    private Json() {
    }

    /** The object under {@code key}, or null when it is missing or not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object from, String key) {
        Object v = from instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
    }

    /** The list under {@code key}, or an empty one. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object from, String key) {
        Object v = from instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof List<?> ? (List<Object>) v : List.of();
    }

    /** The text under {@code key} (a number as written), or null when missing, blank or not a scalar. */
    static String text(Object from, String key) {
        Object v = from instanceof Map<?, ?> m ? m.get(key) : null;
        if (v instanceof String s) return s.isBlank() ? null : s.strip();
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        return null;
    }

    /** The text under {@code key}, else the text under {@code otherwise} (a field a service names two ways). */
    static String text(Object from, String key, String otherwise) {
        String v = text(from, key);
        return v != null ? v : text(from, otherwise);
    }

    /** The first text of a list under {@code key} (SES's {@code commonHeaders.from}), or its text. */
    static String firstText(Object from, String key) {
        List<Object> l = list(from, key);
        if (!l.isEmpty()) return l.get(0) instanceof String s && !s.isBlank() ? s.strip() : null;
        return text(from, key);
    }

    /** An integer under {@code key}, written as a number or as digits; null otherwise. */
    static Integer integer(Object from, String key) {
        Object v = from instanceof Map<?, ?> m ? m.get(key) : null;
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String s && !s.isBlank() && s.strip().length() <= 9 && s.strip().chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s.strip());
        }
        return null;
    }

    /** The integer under {@code key}, else the one under {@code otherwise}. */
    static Integer integer(Object from, String key, String otherwise) {
        Integer v = integer(from, key);
        return v != null ? v : integer(from, otherwise);
    }

    /**
     * A time given as seconds since 1970 (SendGrid's integer, Mailgun's fraction, SparkPost's
     * digits in a string) or as milliseconds (SendCloud's thirteen digits: no time in seconds is
     * that large before the year 5000) as an ISO instant, or a time given as text as it was
     * written; null when missing.
     */
    static String time(Object from, String key) {
        Object v = from instanceof Map<?, ?> m ? m.get(key) : null;
        double seconds;
        if (v instanceof Number n) {
            seconds = n.doubleValue();
        } else if (v instanceof String s && !s.isBlank() && s.strip().length() <= 13 && s.strip().chars().allMatch(Character::isDigit)) {
            seconds = Long.parseLong(s.strip()); // SparkPost writes its seconds as a string
        } else {
            return text(from, key);
        }
        if (seconds >= 1e11) seconds /= 1000; // milliseconds
        if (seconds < 0 || seconds > 1e11) return null;
        return Instant.ofEpochMilli(Math.round(seconds * 1000)).toString();
    }
}
