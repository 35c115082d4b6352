package io.bouncelens.decode;

import java.util.List;

/**
 * The fields of a {@code message/delivery-status} (RFC 3464) or
 * {@code message/global-delivery-status} (RFC 6533) part, values unfolded, types kept as written
 * ({@code rfc822; a@b}); {@link DsnFields} reads them.
 *
 * @param perMessage   the first group: Reporting-MTA, Arrival-Date, ...
 * @param perRecipient one group per recipient: Final-Recipient, Action, Status, Diagnostic-Code, ...
 * @param global       true for the RFC 6533 form, whose addresses may be UTF-8
 */
public record DeliveryStatus(Headers perMessage, List<Headers> perRecipient, boolean global) {

    public DeliveryStatus {
        perRecipient = List.copyOf(perRecipient);
    }
}
