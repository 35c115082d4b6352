package io.bouncelens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonTest {

    @Test
    void onlyAddressLevelReasonsAreHard() {
        assertThat(Reason.USERUNKNOWN.isHardBounce(550)).isTrue();
        assertThat(Reason.HOSTUNKNOWN.isHardBounce(null)).isTrue();
        assertThat(Reason.MAILBOXFULL.isHardBounce(552)).isFalse();
        assertThat(Reason.BLOCKED.isHardBounce(550)).isFalse();
    }

    @Test
    void notAcceptIsHardOnlyWithAPermanentCode() {
        assertThat(Reason.NOTACCEPT.isHardBounce(556)).isTrue();
        assertThat(Reason.NOTACCEPT.isHardBounce(421)).isFalse();
    }

    @Test
    void labelsRoundTrip() {
        for (Reason r : Reason.values()) assertThat(Reason.fromLabel(r.label())).isEqualTo(r);
        assertThat(Reason.fromLabel("no-such-reason")).isNull();
        assertThat(Actor.fromLabel("sender-content")).isEqualTo(Actor.SENDER_CONTENT);
        assertThat(Retry.fromLabel("after-fix")).isEqualTo(Retry.AFTER_FIX);
    }
}
