package io.bouncelens.decode.vendor;

import java.util.List;

/**
 * The vendor formats the decoder tries, in order: the first that recognises a message and
 * finds recipients reads it. Put specific formats (a provider's own notice) before general ones
 * (a family of MTAs). To add a format: write one class in this package and list it here.
 */
public final class VendorFormats {

    private static final List<VendorFormat> ALL = List.of(
            // filled in by the vendor formats, one class each
    );

    private VendorFormats() {
    }

    public static List<VendorFormat> all() {
        return ALL;
    }
}
