package io.bouncelens.classify;

/**
 * Which of two enhanced status codes describes a failure: the one the report gives (a DSN's
 * Status field) or the one the remote server wrote in its reply. A report often fills its field
 * with a placeholder or with what it itself concluded ("delivery time expired"), while the
 * server's code says what went wrong; yet some server codes say less than the report's.
 */
final class StatusChoice {

    private StatusChoice() {
    }

    /**
     * @param reported the report's code, or null
     * @param written  the code in the server's reply text, or null
     * @param reply    the SMTP reply code, or null
     */
    static EnhancedStatus prefer(EnhancedStatus reported, EnhancedStatus written, Integer reply) {
        if (reported == null) return written;
        if (written == null || written.equals(reported)) return reported;
        if (reported.statusClass() != written.statusClass()) {
            // the reply code's class says which of the two belongs to this failure; a success a
            // transcript quotes (250 2.1.5) never replaces the failure the report states
            int replyClass = reply == null ? 0 : reply / 100;
            boolean writtenFailure = written.statusClass() == 4 || written.statusClass() == 5;
            return writtenFailure && replyClass == written.statusClass() ? written : reported;
        }
        boolean reportedBare = reported.subject() == 0 && reported.detail() == 0;
        boolean writtenBare = written.subject() == 0 && written.detail() == 0;
        if (reportedBare) return writtenBare ? reported : written;
        if (writtenBare) return reported;
        // the report's code is generic in part (X.Y.0 or X.0.Z) and the server's is not
        if ((reported.subject() == 0 || reported.detail() == 0) && written.subject() != 0 && written.detail() != 0) {
            return written;
        }
        // codes a reporting MTA gives of its own: an expiry, "too many errors", a system error,
        // and the protocol codes (X.5.1, X.5.2, X.5.4, X.5.5) about its own session
        if (reported.subject() == 4 && reported.detail() == 7) return written;
        if (reported.statusClass() == 4 && reported.subject() == 7 && reported.detail() == 0) return written;
        if (reported.statusClass() == 5 && reported.subject() == 3) return written;
        if (reported.subject() == 5 && (reported.detail() == 1 || reported.detail() == 2 || reported.detail() == 4
                || reported.detail() == 5)) {
            return written;
        }
        // "5.1.1" put on every refusal, beside the server's own reason (5.7.1 blacklisted)
        if (reported.statusClass() == 5 && reported.subject() == 1 && reported.detail() == 1) {
            boolean saysLess = written.subject() == 0 || written.detail() == 0 || written.subject() == 5;
            return saysLess ? reported : written;
        }
        if (reported.statusClass() == 5 && reported.subject() == 1 && reported.detail() == 3 && written.subject() == 7) {
            return written;
        }
        return reported;
    }
}
