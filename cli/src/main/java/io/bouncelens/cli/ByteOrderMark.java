package io.bouncelens.cli;

/**
 * The UTF-8 byte order mark that {@code --bom} puts before CSV output. Excel opens a CSV file
 * without it in the machine's legacy code page, which turns zh-CN and zh-TW advice (and any
 * non-ASCII note or address) into mojibake; with it, Excel reads UTF-8. It is left out by
 * default because programs that read CSV would take it as part of the first column's name.
 */
final class ByteOrderMark {

    static final byte[] UTF_8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static final String OPTION_DESCRIPTION = "with --format csv: start the output with a UTF-8 byte order mark, "
            + "so that Excel opens it as UTF-8 (Chinese advice included)";

    static final String ONLY_WITH_CSV = "--bom goes with --format csv (it marks a CSV file as UTF-8 for Excel)";

    private ByteOrderMark() {
    }
}
