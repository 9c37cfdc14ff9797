/// A checkout China's CBEC rules refused: no order, no payment, no parcel. Kept apart from `orders` (which holds sales
/// only) so a student sees the demand the limits cost, and why (the `refused_checkouts` table).
public struct RefusedCheckout: Sendable, Hashable {
    public enum Reason: String, Sendable {
        /// More than one unit whose dutiable value together exceeds the 5,000 CNY per-transaction limit.
        case perTransactionLimit = "per-transaction-limit"
        /// The order would take the customer over the 26,000 CNY annual limit.
        case annualLimit = "annual-limit"
    }

    public let id: Int
    public let day: Int
    /// The customer (1-based, as in `orders.customer_id`).
    public let customer: Int
    public let country: String
    public let sku: String
    public let quantity: Int
    /// The dutiable value the customer asked to import (goods + freight + insurance), CNY.
    public let dutiableValue: Money
    public let reason: Reason
}

extension World {
    /// Records a refused checkout (rare: only China's limits refuse one).
    mutating func refuseCheckout(customer c: Int, country: String, sku: String, quantity: Int, dutiableFen: Int64,
                                 reason: RefusedCheckout.Reason, stats: inout DayStats) {
        refusedCheckouts.append(RefusedCheckout(id: refusedCheckouts.count + 1, day: day, customer: c + 1, country: country, sku: sku,
                                                quantity: quantity, dutiableValue: Money(minor: dutiableFen, .CNY), reason: reason))
        stats.refusedByCustoms += 1
    }
}
