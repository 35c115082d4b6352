package io.bouncelens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonTest {

    @Test
    void onlyAddressLevelReasonsAreHard() {
        assertThat(Reason.USERUNKNOWN.isHardBounce(550, "5.1.1")).isTrue();
        assertThat(Reason.HOSTUNKNOWN.isHardBounce(null, null)).isTrue();
        assertThat(Reason.MAILBOXFULL.isHardBounce(552, "5.2.2")).isFalse();
        assertThat(Reason.BLOCKED.isHardBounce(550, null)).isFalse();
    }

    @Test
    void notAcceptIsHardOnlyWithAPermanentCode() {
        assertThat(Reason.NOTACCEPT.isHardBounce(556, null)).isTrue();
        assertThat(Reason.NOTACCEPT.isHardBounce(421, "5.3.2")).as("the reply code first").isFalse();
        assertThat(Reason.NOTACCEPT.isHardBounce(null, "4.0.0")).as("then the status").isFalse();
        assertThat(Reason.NOTACCEPT.isHardBounce(null, "5.1.10")).isTrue();
        assertThat(Reason.NOTACCEPT.isHardBounce(null, null)).as("nothing says temporary").isTrue();
    }

    @Test
    void labelsRoundTrip() {
        for (Reason r : Reason.values()) assertThat(Reason.fromLabel(r.label())).isEqualTo(r);
        assertThat(Reason.fromLabel("no-such-reason")).isNull();
        assertThat(Actor.fromLabel("sender-content")).isEqualTo(Actor.SENDER_CONTENT);
        assertThat(Retry.fromLabel("after-fix")).isEqualTo(Retry.AFTER_FIX);
    }
}
