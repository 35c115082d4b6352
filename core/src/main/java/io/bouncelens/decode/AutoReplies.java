package io.bouncelens.decode;

import java.util.Locale;

/** Recognises RFC 3834 auto-replies (out-of-office, vacation) by their headers and subject. */
public final class AutoReplies {

    /**
     * Subject starts (after decoding) that mark an automatic reply, compared case-insensitively:
     * the English ones and what mail clients (Outlook's "Automatic reply:" above all) write in
     * other languages.
     */
    private static final String[] SUBJECT_STARTS = {
            "auto:", "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "autorespons",
            "auto-response", "out of office", "out of the office", "away from", "vacation", "abwesenheit",
            "automatische antwort", "réponse automatique", "reponse automatique", "risposta automatica",
            "respuesta automática", "respuesta automatica", "resposta automática", "resposta automatica",
            "automatisch antwoord", "automatiskt svar", "automatisk svar", "autosvar", "automaattinen vastaus",
            "odpowiedź automatyczna", "automatyczna odpowiedź", "automatická odpověď", "automatikus válasz",
            "otomatik yanıt", "автоматический ответ", "αυτόματη απάντηση",
            "自动回复", "自動回覆", "自动答复", "自動回復", "自動応答", "不在", "자동 회신", "자동응답"};

    private AutoReplies() {
    }

    public static boolean recognises(ParsedMessage m) {
        String autoSubmitted = m.header("Auto-Submitted");
        if (autoSubmitted != null && autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("auto-replied")) return true;
        if (m.header("X-Autoreply") != null || m.header("X-Autorespond") != null || m.header("X-Autoresponder") != null) {
            return true;
        }
        String precedence = m.header("Precedence");
        if (precedence != null && precedence.trim().equalsIgnoreCase("auto_reply")) return true;
        String subject = m.subject().trim().toLowerCase(Locale.ROOT);
        // some clients bracket the words: "[Automatyczna odpowiedź] Re: ..."
        if (subject.startsWith("[")) subject = subject.substring(1).stripLeading();
        for (String s : SUBJECT_STARTS) if (subject.startsWith(s)) return true;
        return false;
    }
}
