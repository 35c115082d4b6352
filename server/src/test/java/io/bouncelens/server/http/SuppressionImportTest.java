package io.bouncelens.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionImportTest {

    @Test
    void readsQuotedFieldsAsRfc4180WritesThem() {
        assertThat(SuppressionImport.fields("a@x.example,manual,manual,2026-12-06T10:00:00Z,\"said \"\"stop\"\", twice\""))
                .containsExactly("a@x.example", "manual", "manual", "2026-12-06T10:00:00Z", "said \"stop\", twice");
        assertThat(SuppressionImport.fields("a@x.example")).containsExactly("a@x.example");
        assertThat(SuppressionImport.fields("a@x.example,,")).containsExactly("a@x.example", "", "");
        assertThat(SuppressionImport.fields("\"a@x.example,\"broken")).containsExactly("a@x.example,");
        assertThat(SuppressionImport.fields("a@x.example,\"never closed")).isNull();
    }

    @Test
    void keepsEachAddressOnceAndNumbersTheLinesItCannotRead() {
        SuppressionImport in = SuppressionImport.read("address,reason,source,since,note\n"
                + "A@X.example,manual,manual,2026-12-06T10:00:00Z,first\n"
                + "a@x.example,manual,manual,2026-12-06T10:00:00Z,second\n"
                + "b@x.example,\"open\n"
                + "\n"
                + "@nobody\n");

        assertThat(in.notes()).containsExactly(java.util.Map.entry("a@x.example", "first"));
        assertThat(in.rejectedCount()).isEqualTo(2);
        assertThat(in.rejected()).extracting(SuppressionImport.Rejected::line).containsExactly(4, 6);
        assertThat(in.rejected().get(0).error()).isEqualTo("a quoted field is not closed");
    }
}
