package io.bouncelens.decode.event;

import io.bouncelens.decode.DecodedReport;

import java.util.Map;

/** One sending service's event format (its webhook or notification JSON). */
interface EspFormat {

    /** Whether the event is in this format, by the fields only it writes. */
    boolean recognises(Map<String, Object> event);

    /**
     * What the event says of its recipients: a bounce, a deferral, a complaint or a delivery;
     * null for the service's other events (a send, an open, a click).
     */
    DecodedReport read(Map<String, Object> event);
}
