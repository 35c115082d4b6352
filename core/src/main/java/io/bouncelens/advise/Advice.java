package io.bouncelens.advise;

/** What happened and what to do, in one language. */
public record Advice(String explanation, String fix) {
}
