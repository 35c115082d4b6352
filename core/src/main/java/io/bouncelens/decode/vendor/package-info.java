/**
 * Bounce formats of particular MTAs and providers, one class per format.
 *
 * <p>The decoder ({@link io.bouncelens.decode.ReportDecoder}) hands every format the same
 * {@link io.bouncelens.decode.ParsedMessage}: top-level headers, the report's readable text
 * (decoded to Unicode, lines ending in {@code \n}, the returned original's body never included),
 * the RFC 3464 fields when present, and the returned original's headers. A format answers two
 * questions: {@link io.bouncelens.decode.vendor.VendorFormat#recognises} (cheap: headers and a
 * literal or two) and {@link io.bouncelens.decode.vendor.VendorFormat#read} (the recipients, each
 * with the remote server's text as {@code diagnosticCode}).
 *
 * <p>How the decoder uses them:
 * <ul>
 *   <li>When the message carries an RFC 3464 report, its recipients come from there; the first
 *       format that recognises the message may enrich them: a vendor record for the same recipient
 *       fills the fields the report left empty and its {@code reasonHint} wins.</li>
 *   <li>Without a report, the first format (in {@link io.bouncelens.decode.vendor.VendorFormats}
 *       order) that recognises the message and returns recipients decides.</li>
 *   <li>Otherwise a generic text scanner reads mail-system messages; everything else is no bounce.</li>
 * </ul>
 *
 * <p>Rules for formats: match text only with literal scanning or RE2/J (never
 * {@code java.util.regex}); key rules on the format's markers and phrases, never on a sample's
 * content; leave the reason to the classifier unless the format itself states it (set
 * {@code reasonHint} only for that, e.g. an expiry notice).
 */
package io.bouncelens.decode.vendor;
