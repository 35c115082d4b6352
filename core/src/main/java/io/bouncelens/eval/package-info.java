/**
 * Measuring accuracy on labeled bounces: {@link io.bouncelens.eval.LabelFile} reads a labels TSV,
 * {@link io.bouncelens.eval.Scorecard} scores diagnosed records against it the way the shared
 * corpus scorer does. Used by {@code bouncelens eval} and by the corpus accuracy test.
 */
package io.bouncelens.eval;
