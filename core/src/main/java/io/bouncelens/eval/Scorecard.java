package io.bouncelens.eval;

import io.bouncelens.BounceRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well diagnosed records agree with labels, scored as the shared corpus scorer does: a label
 * is matched to the record of the same file (path suffix) and recipient (case-insensitive), failing
 * that to the record at the label's position in that file. Messages listed as non-bounces count
 * against the score when they give a record other than delivered.
 */
public final class Scorecard {

    private final Map<String, List<BounceRecord>> byFile = new LinkedHashMap<>();

    /** Adds the records of one diagnosed message. */
    public void add(List<BounceRecord> records) {
        for (BounceRecord r : records) {
            String file = r.file() == null ? "" : r.file().replace('\\', '/');
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(r);
        }
    }

    /** The figures for {@code labels}, and for {@code negatives} (paths of messages that are no bounce). */
    public Result score(List<Label> labels, List<String> negatives) {
        int reasons = 0, recipients = 0, hard = 0, status = 0, withStatus = 0;
        Map<String, Integer> misses = new HashMap<>();
        for (Label l : labels) {
            List<BounceRecord> rs = recordsFor(l.file());
            BounceRecord match = null;
            for (BounceRecord r : rs) {
                if (r.recipient() != null && r.recipient().trim().equalsIgnoreCase(l.recipient())) {
                    match = r;
                    break;
                }
            }
            if (match != null) recipients++;
            else if (l.index() >= 1 && l.index() <= rs.size()) match = rs.get(l.index() - 1);
            String got = match == null || match.reason() == null ? "-" : match.reason().label();
            if (got.equals(l.reason())) reasons++;
            else misses.merge(l.reason() + " -> " + got, 1, Integer::sum);
            if (match != null && l.hardBounce() != null && match.hardBounce() == l.hardBounce()) hard++;
            if (!l.status().isEmpty()) {
                withStatus++;
                if (match != null && l.status().equals(match.status())) status++;
            }
        }
        int falseBounces = 0;
        for (String n : negatives) {
            for (BounceRecord r : recordsFor(n)) {
                if (r.reason() != null && !r.reason().label().equals("delivered")) {
                    falseBounces++;
                    break;
                }
            }
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(misses.entrySet());
        top.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        return new Result(labels.size(), reasons, recipients, hard, status, withStatus, negatives.size(), falseBounces,
                top.subList(0, Math.min(12, top.size())));
    }

    private List<BounceRecord> recordsFor(String file) {
        String f = file.replace('\\', '/');
        for (Map.Entry<String, List<BounceRecord>> e : byFile.entrySet()) {
            if (e.getKey().equals(f) || e.getKey().endsWith("/" + f)) return e.getValue();
        }
        return List.of();
    }

    /** The figures of one scoring. */
    public record Result(int labels, int reasonsRight, int recipientsFound, int hardBounceAgrees, int statusAgrees,
                         int labelsWithStatus, int negatives, int negativesReported,
                         List<Map.Entry<String, Integer>> topMisses) {

        public double reasonAccuracy() {
            return labels == 0 ? 0 : 100.0 * reasonsRight / labels;
        }

        public double recipientsFoundPercent() {
            return labels == 0 ? 0 : 100.0 * recipientsFound / labels;
        }

        /** The figures as lines, the headline (reason accuracy) last. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            if (negatives > 0) b.append(String.format("non-bounces reported as bounces: %d/%d%n", negativesReported, negatives));
            b.append(String.format("recipients found: %d/%d (%.1f%%)%n", recipientsFound, labels, recipientsFoundPercent()));
            b.append(String.format("hardBounce agrees: %d/%d (%.1f%%)%n", hardBounceAgrees, labels, pct(hardBounceAgrees, labels)));
            b.append(String.format("status agrees: %d/%d (%.1f%%)%n", statusAgrees, labelsWithStatus, pct(statusAgrees, labelsWithStatus)));
            b.append("most frequent misses (expected -> got):").append(System.lineSeparator());
            for (Map.Entry<String, Integer> e : topMisses) b.append(String.format("  %3d  %s%n", e.getValue(), e.getKey()));
            b.append(String.format("reason accuracy: %d/%d (%.1f%%)%n", reasonsRight, labels, reasonAccuracy()));
            return b.toString();
        }

        private static double pct(int n, int of) {
            return of == 0 ? 0 : 100.0 * n / of;
        }
    }
}
