package io.bouncelens.server.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The domains whose bounces the SMTP intake accepts; empty means any domain. */
public final class RecipientDomains {

    private final Set<String> domains;

    public RecipientDomains(List<String> domains) {
        this.domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean acceptsAny() {
        return domains.isEmpty();
    }

    /** True when the address's domain, or a parent of it, is configured. */
    public boolean accepts(String address) {
        if (domains.isEmpty()) return true;
        int at = address.lastIndexOf('@');
        if (at < 0) return false;
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(">")) domain = domain.substring(0, domain.length() - 1);
        while (true) {
            if (domains.contains(domain)) return true;
            int dot = domain.indexOf('.');
            if (dot < 0) return false;
            domain = domain.substring(dot + 1);
        }
    }
}
