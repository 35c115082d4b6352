package io.bouncelens.eval;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyCaseFileTest {

    @Test
    void eachCaseSaysWhatIsWrongWithTheAnswerToItsProbe() throws IOException {
        // columns in another order than the shared file's, a byte order mark, a case with no id
        List<ReplyCase> cases = ReplyCaseFile.read(new StringReader("\uFEFFprobe\treasons\tbounce\tfix_en\tid\n"
                + "550 5.1.1 User unknown\tuserunknown|hasmoved\thard\ttypo|spell\tU1\n"
                + "552 5.2.2 Mailbox full\tmailboxfull\thard\t\tF1\n"
                + "550 5.1.1 User unknown\tfiltered\teither\t\n"
                + "550 5.1.1 User unknown\tuserunknown\teither\tNEVER-SAID\tP1\n"));
        Bouncelens b = Bouncelens.standard();
        assertThat(cases).extracting(ReplyCase::id).containsExactly("U1", "F1", "line 4", "P1");
        assertThat(cases.get(0).problems(b.explainReply(cases.get(0).probe(), Lang.EN))).isEmpty();
        assertThat(cases.get(1).problems(b.explainReply(cases.get(1).probe(), Lang.EN))).containsExactly("hardBounce should be true");
        assertThat(cases.get(2).problems(b.explainReply(cases.get(2).probe(), Lang.EN)))
                .containsExactly("reason userunknown, want filtered");
        assertThat(cases.get(3).problems(b.explainReply(cases.get(3).probe(), Lang.EN)))
                .containsExactly("fix/explanation does not mention /NEVER-SAID/");
    }

    @Test
    void aRowWithoutItsProbeOrAPatternRe2jCannotReadIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> ReplyCaseFile.read(new StringReader("id\tprobe\treasons\nA\t\tuserunknown\n")))
                .hasMessage("line 2: no probe or no reasons");
        // a back-reference: a pattern a back-tracking engine would need, which RE2/J refuses to run
        assertThatThrownBy(() -> ReplyCaseFile.read(new StringReader("probe\treasons\tfix_en\n550 x\tundefined\t(a)\\1\n")))
                .hasMessageStartingWith("line 2: fix_en is no pattern RE2/J reads");
        assertThatThrownBy(() -> ReplyCaseFile.read(new StringReader("id\tprobe\n"))).hasMessage("cases file has no 'reasons' column");
    }
}
