package io.bouncelens.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bounce messages under src/test/resources, written for these tests. */
final class TestBounces {

    /** 550 5.1.1 user unknown for gone.away@mail.example.org: a hard bounce. */
    static final String USER_UNKNOWN = "dsn-userunknown.eml";
    /** 552 5.2.2 mailbox full for full.box@mail.example.org: a soft bounce. */
    static final String MAILBOX_FULL = "dsn-mailboxfull.eml";
    /** 554 5.7.1 blocked by a DNS block list for still.here@mail.example.org: the sender's problem. */
    static final String BLOCKED = "dsn-blocked.eml";
    /** 450 4.1.1 "unverified address" for being.checked@mail.example.org, given up on: unknown only for now. */
    static final String UNVERIFIED = "dsn-unverified.eml";
    /** QQ Mail's "550 Ip frequency limited" for xiaoming@qq.com: Tencent's 122/172, the sender sends too fast. */
    static final String QQ_RATE_LIMITED = "dsn-qq-ratelimited.eml";

    private TestBounces() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestBounces.class.getResourceAsStream("bounces/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
