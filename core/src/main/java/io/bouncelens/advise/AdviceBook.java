package io.bouncelens.advise;

import io.bouncelens.Lang;
import io.bouncelens.classify.Classification;

/** Looks up the explanation and fix for a verdict. Thread-safe, no I/O per call. */
public interface AdviceBook {

    Advice adviceFor(Classification verdict, Lang lang);
}
