package io.bouncelens.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type value: {@code type/subtype} and its parameters, with RFC 2231 extended
 * parameters ({@code charset*=utf-8''..}, {@code name*0*=..; name*1*=..}) joined and decoded.
 * A hand-written scanner: the value comes from outside.
 */
public record MediaType(String type, Map<String, String> parameters) {

    public static final MediaType TEXT_PLAIN = new MediaType("text/plain", Map.of());

    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** Parses a Content-Type value; an empty or broken one is text/plain (RFC 2045 §5.2). */
    public static MediaType parse(String value) {
        if (value == null) return TEXT_PLAIN;
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int comment = type.indexOf('(');
        if (comment >= 0) type = type.substring(0, comment).trim();
        if (type.indexOf('/') <= 0) type = "text/plain";
        Map<String, String> plain = new HashMap<>();
        Map<String, TreeMap<Integer, String[]>> sections = null; // RFC 2231 parts: rare, made when met
        int i = semi < 0 ? value.length() : semi + 1;
        while (i < value.length()) {
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ';')) i++;
            int nameStart = i;
            while (i < value.length() && value.charAt(i) != '=' && value.charAt(i) != ';') i++;
            String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= value.length() || value.charAt(i) == ';') continue;
            i++; // '='
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) i++;
            String val;
            if (i < value.length() && value.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < value.length() && value.charAt(i) != '"') {
                    char c = value.charAt(i++);
                    if (c == '\\' && i < value.length()) c = value.charAt(i++);
                    b.append(c);
                }
                i++;
                val = b.toString();
            } else {
                int start = i;
                while (i < value.length() && value.charAt(i) != ';') i++;
                val = value.substring(start, i).trim();
            }
            if (name.isEmpty()) continue;
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, val);
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int n = 0;
            if (!number.isEmpty()) {
                try {
                    n = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (n < 0 || n > 999) continue;
            if (sections == null) sections = new HashMap<>();
            sections.computeIfAbsent(base, k -> new TreeMap<>()).put(n, new String[]{val, encoded ? "1" : "0"});
        }
        if (sections != null) sections.forEach((base, parts) -> plain.put(base, joinExtended(parts)));
        return new MediaType(type, plain);
    }

    private static String joinExtended(TreeMap<Integer, String[]> parts) {
        Charset cs = StandardCharsets.UTF_8;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] part : parts.values()) {
            String v = part[0];
            boolean encoded = part[1].equals("1");
            if (first && encoded) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    Charset named = Charsets.forLabel(v.substring(0, q1));
                    if (named != null) cs = named;
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            if (encoded) percentDecode(v, bytes);
            else bytes.writeBytes(v.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new String(bytes.toByteArray(), cs);
    }

    private static void percentDecode(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() + 0 && hex(v.charAt(i + 1)) >= 0 && hex(v.charAt(i + 2)) >= 0) {
                out.write(hex(v.charAt(i + 1)) * 16 + hex(v.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
