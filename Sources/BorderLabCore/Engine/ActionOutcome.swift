/// What an applied action produced, so a caller (the CLI, the web storefront, an exercise check) reports on it
/// without guessing from the last row of a table.
public enum ActionOutcome: Sendable, Equatable {
    /// The action changed the world and made no new record worth naming.
    case done
    /// `buy`: the purchase order it placed.
    case purchaseOrder(id: Int)
    /// `inspect`: the inspection it booked (done now, or on the batch's arrival).
    case inspection(id: Int)
    /// `verify-supplier`: the check it paid for.
    case supplierCheck(id: Int)
    /// `fx-convert`: the conversion it made.
    case conversion(id: Int)
    /// `ticket-reply`: the ticket it answered.
    case ticketReply(id: Int)
    /// `customs-release`: the hold it released.
    case holdReleased(id: Int)
    /// `advance`: the days run (all of them: a logged advance never stops early).
    case advanced(World.AdvanceResult)
}
