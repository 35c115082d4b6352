package io.bouncelens.decode;

/** One header field (or one field of a report group): name as written, value unfolded and decoded. */
public record Header(String name, String value) {
}
