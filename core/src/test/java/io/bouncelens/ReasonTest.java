package io.bouncelens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonTest {

    @Test
    void onlyAddressLevelReasonsAreHard() {
        assertThat(Reason.USERUNKNOWN.isHardBounce("failed", 550, "5.1.1")).isTrue();
        assertThat(Reason.HOSTUNKNOWN.isHardBounce("failed", null, null)).isTrue();
        assertThat(Reason.MAILBOXFULL.isHardBounce("failed", 552, "5.2.2")).isFalse();
        assertThat(Reason.BLOCKED.isHardBounce("failed", 550, null)).isFalse();
    }

    @Test
    void notAcceptIsHardOnlyWithAPermanentCode() {
        assertThat(Reason.NOTACCEPT.isHardBounce("failed", 556, null)).isTrue();
        assertThat(Reason.NOTACCEPT.isHardBounce("failed", 421, "5.3.2")).as("the reply code first").isFalse();
        assertThat(Reason.NOTACCEPT.isHardBounce("failed", null, "4.0.0")).as("then the status").isFalse();
        assertThat(Reason.NOTACCEPT.isHardBounce("failed", null, "5.1.10")).isTrue();
        assertThat(Reason.NOTACCEPT.isHardBounce("failed", null, null)).as("nothing says temporary").isTrue();
    }

    @Test
    void aRecipientStillBeingRetriedIsNeverHard() {
        // a sending service's soft bounce naming a missing address: no code says so, the action does
        assertThat(Reason.USERUNKNOWN.isHardBounce("delayed", null, "5.0.911")).isFalse();
        assertThat(Reason.HOSTUNKNOWN.isHardBounce("Delayed", 550, null)).isFalse();
        assertThat(Reason.USERUNKNOWN.isHardBounce(null, null, "5.0.911")).as("no action: the codes decide").isTrue();
    }

    @Test
    void labelsRoundTrip() {
        for (Reason r : Reason.values()) assertThat(Reason.fromLabel(r.label())).isEqualTo(r);
        assertThat(Reason.fromLabel("no-such-reason")).isNull();
        assertThat(Actor.fromLabel("sender-content")).isEqualTo(Actor.SENDER_CONTENT);
        assertThat(Retry.fromLabel("after-fix")).isEqualTo(Retry.AFTER_FIX);
    }
}
