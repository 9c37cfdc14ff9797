/// A price below what one order costs the shop: the warning `shop add`, `shop price` and the tour give.
public struct LosingPrice: Sendable, Equatable {
    public let price: Money
    /// The price in the home currency at today's mid rate.
    public let priceHome: Money
    public let cost: UnitCostToServe
}

extension World {
    /// Whether `price` loses money on a one-unit order of `sku` (goods landed plus the parcel, before payment fees and
    /// returns); nil when it does not, or when the shop does not pay for goods (see ``unitCostToServe(sku:)``).
    public func losingPrice(sku: String, price: Money) -> LosingPrice? {
        guard let cost = unitCostToServe(sku: sku) else { return nil }
        let priceHome = rates.convert(price, to: cost.total.currency)
        guard priceHome < cost.total else { return nil }
        return LosingPrice(price: price, priceHome: priceHome, cost: cost)
    }
}
