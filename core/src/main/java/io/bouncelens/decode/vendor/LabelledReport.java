package io.bouncelens.decode.vendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layout of the Chinese providers' notices (Alibaba, Tencent, NetEase/Coremail, 263): labelled
 * lines such as {@code 收件人：addr} / {@code Recipient: addr} and {@code 退信原因：...} /
 * {@code Reason: ...}, a value either after the label or on the lines below it, plus the relay
 * sentences that carry the remote answer wherever they stand: {@code the mta server of HOST(IP)
 * reply: ...}, {@code 无法发送到 addr ...}, {@code Remote host said: ...}.
 */
final class LabelledReport {

    /** Labels of the failed address, any language, compared without spaces and ideographic spaces. */
    private static final String[] RECIPIENT_LABELS = {
            "收件人地址", "收件人", "收信人", "recipientaddress", "recipient(s)", "recipient", "rcptto", "to",
    };

    /** Labels of the reason; the later ones carry the server's own words and are preferred. */
    private static final String[] REASON_LABELS = {
            "退信原因", "失败原因", "错误原因", "原因", "reason", "错误信息", "详细信息", "具体信息", "退信代码",
            "errorinformation", "details", "detail", "服务器返回", "对方服务器返回",
    };

    /** Sentences that introduce the remote server's answer inside a line. */
    private static final String[] ANSWER_MARKERS = {
            "the mta server of", "remote host said:", "对方服务器返回：", "对方服务器返回:", "对方服务器回复：",
            "对方服务器回复:", "服务器返回：", "服务器返回:", "the recipient server replied:", "said:",
            // QQ Mail's "mx3.qq.com (192.0.2.1) 回复：" with the reply on the line below
            "回复：", "回复:",
    };

    private static final String CANNOT_SEND_TO = "无法发送到";

    /** Where the returned original starts in providers that paste it below the notice. */
    private static final String[] END = {
            "------ 原始邮件 ------", "----- 原始邮件 -----", "原邮件内容", "----- Original message -----",
            "------ This is a copy of the message", "--- Below this line is a copy of the message",
    };

    private LabelledReport() {
    }

    static List<Finding> read(ReportText text) {
        int end = text.findAny(0, END);
        if (end < 0) end = text.size();
        Map<String, String> said = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        List<String> order = new ArrayList<>();
        // a notice of several blocks (QQ Mail's: 收件人, then 退信原因 and the server's answer, per
        // returned recipient) gives each recipient the reasons below its own label
        Map<String, List<String>> underLabel = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < end && order.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty()) continue;
            String lower = line.toLowerCase(Locale.ROOT);

            int cannot = line.indexOf(CANNOT_SEND_TO);
            if (cannot >= 0) {
                String address = AddressScanner.first(line.substring(cannot));
                if (address != null) {
                    remember(order, address);
                    String answer = answerIn(line, lower);
                    if (answer == null) answer = valueBelow(text, i + 1, end);
                    if (answer != null) said.putIfAbsent(key(address), answer);
                    continue;
                }
            }
            String[] labelled = labelled(line);
            if (labelled == null) labelled = heading(line);
            if (labelled != null && isRecipientLabel(labelled[0])) {
                String address = AddressScanner.first(labelled[1]);
                if (address == null) {
                    String below = valueBelow(text, i + 1, end);
                    address = below == null ? null : AddressScanner.first(below);
                }
                if (address != null) {
                    remember(order, address);
                    current = address;
                }
                continue;
            }
            if (labelled != null && isReasonLabel(labelled[0])) {
                String value = labelled[1].isEmpty() ? valueBelow(text, i + 1, end) : labelled[1];
                if (value != null && !value.isEmpty()) {
                    reasons.add(value);
                    if (current != null) underLabel.computeIfAbsent(key(current), k -> new ArrayList<>()).add(value);
                }
                continue;
            }
            String answer = answerIn(line, lower);
            if (answer != null && answer.isEmpty()) answer = valueBelow(text, i + 1, end);
            if (answer != null) {
                // "<addr>: the mta server of ... reply: ..." names its own recipient.
                String address = AddressScanner.first(line.substring(0, ReportText.indexOfIgnoreCase(line, firstMarker(lower))));
                if (address != null) {
                    remember(order, address);
                    said.putIfAbsent(key(address), answer);
                } else {
                    reasons.add(answer);
                    if (current != null) underLabel.computeIfAbsent(key(current), k -> new ArrayList<>()).add(answer);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        String shared = best(reasons);
        boolean blocks = order.size() > 1 && underLabel.keySet().containsAll(order.stream().map(LabelledReport::key).toList());
        for (int r = 0; r < order.size(); r++) {
            String address = order.get(r);
            String own = said.get(key(address));
            String reason = own != null ? own
                    : blocks ? best(underLabel.get(key(address)))
                    : reasons.size() == order.size() && order.size() > 1 ? reasons.get(r) : shared;
            out.add(finding(address, reason));
        }
        return out;
    }

    /**
     * A recipient's finding. A relay's sentence {@code the mta server of HOST(IP) reply: ...} is
     * kept whole as the diagnostic (the classifier unwraps it) and names the remote host.
     */
    static Finding finding(String address, String reason) {
        if (reason == null) return Finding.of(address, "");
        int at = ReportText.indexOfIgnoreCase(reason, "the mta server of ");
        if (at < 0) return Finding.ofBlock(address, reason);
        int open = reason.indexOf('(', at);
        int space = reason.indexOf(' ', at + 18);
        int stop = open < 0 ? space : space < 0 ? open : Math.min(open, space);
        String host = reason.substring(at + 18, stop < 0 ? reason.length() : stop).strip();
        Finding f = Finding.of(address, reason.substring(at));
        return HostNames.looksLikeHost(host) ? f.withHost(host) : f;
    }

    /** The reason that says most: one carrying a reply code, else the last given. */
    private static String best(List<String> reasons) {
        String chosen = null;
        for (String r : reasons) {
            if (ReplyParts.replyCodeIndex(r) >= 0 || ReplyParts.statusIndex(r) >= 0) return join(reasons, r);
            chosen = r;
        }
        return chosen == null ? null : join(reasons, chosen);
    }

    /**
     * The reasons, the chosen one first, so the classifier sees the provider's words and the
     * server's; a notice states two or three, so more are cut off.
     */
    private static String join(List<String> reasons, String first) {
        StringBuilder sb = new StringBuilder(first);
        int added = 0;
        for (String r : reasons) {
            if (added >= 3 || sb.length() >= Finding.MAX_DIAGNOSTIC_CHARS) break;
            if (r.equals(first)) continue;
            sb.append(" | ").append(r);
            added++;
        }
        return sb.toString();
    }

    private static String answerIn(String line, String lower) {
        String marker = firstMarker(lower);
        if (marker == null) return null;
        int at = ReportText.indexOfIgnoreCase(line, marker);
        // Keep the relay's wrapper: "the mta server of HOST(IP) reply: ..." is what users recognise.
        return marker.equals("the mta server of") ? line.substring(at) : line.substring(at + marker.length()).strip();
    }

    private static String firstMarker(String lower) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String m : ANSWER_MARKERS) {
            int at = lower.indexOf(m);
            if (at >= 0 && at < bestAt) {
                bestAt = at;
                best = m;
            }
        }
        return best;
    }

    /** The non-blank lines below a label, up to the next blank line or label (at most six). */
    private static String valueBelow(ReportText text, int from, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < end && i < from + 6; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty()) {
                if (sb.length() > 0) break;
                continue;
            }
            if (labelled(line) != null) break;
            if (sb.length() > 0) sb.append(' ');
            sb.append(line);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * {@code label：value} or {@code label: value} (the label short, before any address), as
     * [normalised label, value]; null when the line is no labelled line. Bilingual labels such as
     * {@code 收件人 (Recipient)：} keep their first part.
     */
    static String[] labelled(String line) {
        // a server's reply ("550 Mailbox not found. https://...") is no label, whatever colon it holds
        if (ReplyParts.replyCodeIndex(line) == 0) return null;
        int colon = -1;
        for (int i = 0; i < line.length() && i < 40; i++) {
            char c = line.charAt(i);
            if (c == '：' || c == ':') {
                if (line.startsWith("//", i + 1)) return null; // a URL's scheme, not a label
                colon = i;
                break;
            }
            if (c == '@' || c == '<') return null;
        }
        if (colon <= 0) return null;
        String label = normalise(line.substring(0, colon));
        if (label.isEmpty() || label.length() > 24) return null;
        return new String[]{label, line.substring(colon + 1).strip()};
    }

    /**
     * A Chinese label standing alone as a heading, its value on the lines below (QQ Mail's notice
     * writes "退信原因" above the reason, without a colon), as [normalised label, ""]; null
     * otherwise. Only labels in Chinese: an English word alone on a line ("Details") is prose.
     */
    private static String[] heading(String line) {
        if (line.length() > 12 || line.chars().allMatch(c -> c < 0x80)) return null;
        String label = normalise(line);
        return isReasonLabel(label) || isRecipientLabel(label) ? new String[]{label, ""} : null;
    }

    private static String normalise(String label) {
        StringBuilder sb = new StringBuilder();
        String l = label;
        int paren = l.indexOf('(');
        if (paren < 0) paren = l.indexOf('（');
        if (paren > 0) l = l.substring(0, paren);
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u3000' || c == '/' || c == '_') continue;
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static boolean isRecipientLabel(String label) {
        for (String l : RECIPIENT_LABELS) if (label.equals(l)) return true;
        return false;
    }

    private static boolean isReasonLabel(String label) {
        for (String l : REASON_LABELS) if (label.equals(l)) return true;
        return false;
    }

    private static void remember(List<String> order, String address) {
        for (String a : order) if (a.equalsIgnoreCase(address)) return;
        order.add(address);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
