package io.bouncelens.emit;

import io.bouncelens.Lang;

/**
 * A provider's name for a person, from the id a record carries ({@code netease} -> 网易邮箱...). The
 * records keep the id, which scripts match; the text for a terminal shows the name beside it.
 */
@FunctionalInterface
public interface ProviderNames {

    /** Shows providers by id alone, for a writer that has no knowledge base to ask. */
    ProviderNames IDS_ONLY = (id, lang) -> null;

    /** The name of provider {@code id} in {@code lang}, or null when it has none. */
    String name(String id, Lang lang);
}
