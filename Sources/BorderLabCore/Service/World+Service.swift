#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Service and supervision: tickets with SLA clocks, returns, sampling inspection, supplier verification,
/// counterfeit batches, regulator spot checks, reviews and verified badges.
public struct ServiceBook: Sendable {
    public init() {}
}

extension World {
    /// Share of reviews left after delivery (*assumption*).
    static let reviewBP = 2_500

    /// Daily service work: returns that arrive, SLA clocks, regulator spot checks.
    mutating func serviceDay() {}

    /// A purchase order was placed (the batch may turn out counterfeit).
    mutating func purchasePlaced(purchaseOrder id: Int) {}

    /// A purchase order's batch arrived and is on hand.
    mutating func batchArrived(purchaseOrder id: Int) {}

    /// A parcel reached its customer: reviews, returns and complaints follow.
    mutating func parcelDelivered(order orderID: Int) {
        let lotIndex = orders[orderID - 1].lotID - 1
        let productIndex = lots[lotIndex].product
        let index = listingOfProduct[productIndex]
        guard CounterRNG.bits(key: rng.key(.review, day: day), entity: orderID) % 10_000 < World.reviewBP, index >= 0 else { return }
        let order = orders[orderID - 1]
        let quality = catalogue.products[productIndex].quality
        let onTime = day - order.day <= order.promisedDays
        let noise = rng.normal(.review, day: day, entity: orderID, index: 1)
        let raw = 1.0 + 4.0 * quality + 0.7 * noise - (onTime ? 0 : 1.5)
        let stars = min(5, max(1, Int(raw.rounded(.toNearestOrAwayFromZero))))
        reviews.append(Review(id: reviews.count + 1, orderID: orderID, sku: order.sku, day: day, stars: stars, onTime: onTime))
        listings[index].reviewCount += 1
        listings[index].starSum += stars
    }

    /// Opens a customer-service ticket about an order (customs holds, lost parcels and late ones call it too).
    /// `kind`: where-is-my-parcel, damaged, counterfeit, tax-question, customs-hold.
    mutating func openTicket(order orderID: Int, kind: String) {}

    /// Extra choice utility of a listing in a country (a verified badge), added to every segment's V.
    func serviceChoiceBonus(listing: Int) -> Double { 0 }

    /// `ticket-reply`.
    mutating func replyTicket(id: Int, action: TicketAction) throws(EngineError) {
        throw .notInMode(action: "answer tickets yet", mode: mode.rawValue, fix: "This release of BorderLab has no tickets.")
    }

    /// `inspect`: ISO 2859-1 sampling of a purchase order's batch.
    mutating func inspect(purchaseOrder id: Int, aql: String) throws(EngineError) {
        throw .notInMode(action: "inspect batches yet", mode: mode.rawValue, fix: "This release of BorderLab has no inspections.")
    }

    /// `verify-supplier`: checks a supplier's qualification documents for a fee.
    mutating func verifySupplier(_ id: String) throws(EngineError) {
        throw .notInMode(action: "verify suppliers yet", mode: mode.rawValue, fix: "This release of BorderLab has no verification.")
    }
}
