package io.bouncelens.server.store;

import io.bouncelens.BounceRecord;

/**
 * A record to store, in English, with its explanation and fix in the other languages.
 *
 * @param adviceJson {@code {"zh-CN":{"explanation":..,"fix":..},"zh-TW":{..}}}, or null
 */
public record Diagnosed(BounceRecord record, String adviceJson) {

    public static Diagnosed englishOnly(BounceRecord record) {
        return new Diagnosed(record, null);
    }
}
