package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs the grouping of delivery-status fields some MTAs get wrong: recipients written without
 * the blank line between them, or the per-message fields run into the first recipient. A new
 * recipient group starts wherever a recipient field repeats.
 */
final class DsnGroups {

    private DsnGroups() {
    }

    static List<Headers> separated(List<Headers> groups) {
        List<Headers> out = new ArrayList<>(groups.size());
        for (Headers g : groups) {
            List<Header> current = new ArrayList<>();
            boolean hasFinal = false;
            boolean hasOriginal = false;
            boolean perMessagePart = !g.fields().isEmpty() && isPerMessageField(g.fields().get(0));
            for (Header h : g.fields()) {
                boolean isFinal = h.name().equalsIgnoreCase("Final-Recipient");
                boolean isOriginal = h.name().equalsIgnoreCase("Original-Recipient");
                // a recipient field seen twice, or the first after the per-message fields, opens a group
                boolean startsRecipient = (isFinal && (hasFinal || perMessagePart))
                        || (isOriginal && (hasOriginal || perMessagePart));
                if (startsRecipient && !current.isEmpty()) {
                    out.add(new Headers(current));
                    current = new ArrayList<>();
                    hasFinal = false;
                    hasOriginal = false;
                }
                if (isFinal || isOriginal) perMessagePart = false;
                hasFinal |= isFinal;
                hasOriginal |= isOriginal;
                current.add(h);
            }
            if (!current.isEmpty()) out.add(new Headers(current));
        }
        return out;
    }

    /** Fields RFC 3464 §2.2 puts in the per-message group, and MTAs' own X- fields there. */
    private static boolean isPerMessageField(Header h) {
        String n = h.name();
        return n.equalsIgnoreCase("Reporting-MTA") || n.equalsIgnoreCase("Arrival-Date")
                || n.equalsIgnoreCase("Received-From-MTA") || n.equalsIgnoreCase("DSN-Gateway")
                || n.equalsIgnoreCase("Original-Envelope-Id") || n.regionMatches(true, 0, "X-", 0, 2);
    }
}
