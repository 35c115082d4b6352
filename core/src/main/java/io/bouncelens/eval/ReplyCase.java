package io.bouncelens.eval;

import com.google.re2j.Pattern;
import io.bouncelens.BounceRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One labeled reply line, as the shared cases file gives it: the probe, the reasons any of which
 * is right, whether the bounce must be hard or soft (or either), and a pattern the advice must
 * match (RE2/J, case-insensitive: the file may come from anyone, and RE2/J runs in linear time).
 */
public record ReplyCase(String id, String probe, List<String> reasons, Bounce bounce, Pattern advice) {

    /** What the case asks of hardBounce. */
    public enum Bounce {
        HARD, SOFT, EITHER
    }

    public ReplyCase {
        reasons = List.copyOf(reasons);
    }

    /** What is wrong with the record given for this case's probe; empty when it is right. */
    public List<String> problems(BounceRecord r) {
        List<String> problems = new ArrayList<>();
        String got = r.reason() == null ? "-" : r.reason().label();
        if (!reasons.contains(got)) problems.add("reason " + got + ", want " + String.join("|", reasons));
        if (bounce == Bounce.HARD && !r.hardBounce()) problems.add("hardBounce should be true");
        if (bounce == Bounce.SOFT && r.hardBounce()) problems.add("hardBounce should be false");
        String said = (r.fix() == null ? "" : r.fix()) + " " + (r.explanation() == null ? "" : r.explanation());
        if (advice != null && !advice.matcher(said).find()) {
            problems.add("fix/explanation does not mention /" + advice.pattern() + "/");
        }
        return problems;
    }

    static Bounce bounce(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hard" -> Bounce.HARD;
            case "soft" -> Bounce.SOFT;
            default -> Bounce.EITHER;
        };
    }
}
