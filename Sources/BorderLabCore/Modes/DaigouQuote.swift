/// What one daigou order of some units earns at the listed price: the figures a daigou shop prices by.
///
/// A daigou shop buys abroad only after the customer orders, at the shelf price, and mails the goods 9610 by the
/// dedicated line: so the quote needs no channel or customs mode, only the SKU and the units.
public struct DaigouQuote: Sendable, Equatable {
    public let sku: String
    public let quantity: Int
    /// The price customers see: the listing's, or the typical retail price while the SKU is not listed.
    public let price: Money
    public let listed: Bool
    /// The shelf price abroad per unit (supplier currency) and what the units cost in the home currency with the bank spread.
    public let shelfUnitPrice: Money
    public let shelfCost: Money
    /// The service fee on top of the goods (`daigou.service_fee`), paid by the customer to the shop.
    public let serviceFee: Money
    public let serviceFeeBP: Int
    /// The dedicated-line parcel the shop pays.
    public let parcel: Money
    public let channel: Channel
    public let customs: CustomsMode
    /// The customer's import tax at checkout, collected by the shop and remitted (not the shop's income); nil when
    /// China's CBEC limits refuse the checkout.
    public let tax: Money?
    public let taxScheme: String?
    /// Why China's customs refuse the checkout (limits in force today, events included), when they do.
    public var refusal: CBECRefusal? = nil
    /// goods + service fee − shelf cost − parcel, before payment fees and returns.
    public let margin: Money
    /// Days from the order to the customer: shopping abroad plus the dedicated line.
    public let deliveryDays: ClosedRange<Int>
}

extension World {
    /// Prices a daigou order at the listed price. - Throws: when the mode is not daigou or the SKU cannot be sold.
    public func daigouQuote(sku: String, quantity: Int) throws(EngineError) -> DaigouQuote {
        guard mode == .daigou else {
            throw .notInMode(action: "quote a daigou order", mode: mode.rawValue,
                             fix: "Quote a purchase with `borderlab market quote SKU --qty N --channel C --customs MODE`.")
        }
        guard let product = product(sku), let supplier = catalogue.supplier(product.supplierID) else { throw .unknownSKU(sku) }
        guard supplier.country.code != "CN" else {
            throw .wrongOrigin(sku: sku, supplierCountry: supplier.country.code, scenario: scenario.id)
        }
        if scenario.isImport && !onPositiveList(product) { throw .offPositiveList(sku) }
        guard quantity > 0 else { throw .nonPositiveQuantity(quantity) }
        guard quantity <= World.maxPurchaseQuantity else { throw .quantityTooLarge(quantity) }
        let home = scenario.homeCurrency
        let listing = listing(sku).flatMap { $0.active ? $0 : nil }
        let price = listing?.price ?? product.typicalRetail
        let shelfUnit = product.tiers[0].unitPrice.basisPoints(World.daigouShelfMarkupBP)
        let shelfCost = rates.cost(of: shelfUnit * quantity, in: home, spreadBP: shelfUnit.currency == home ? 0 : FXMarket.spreadBP)
        let channel = Channel.dedicatedLine
        let parcel = channel.cost(chargeableGrams: product.chargeableGrams * quantity)
        let goods = rates.convert(price, to: home) * quantity
        let fee = goods.basisPoints(settings.serviceFeeBP)
        let terms = checkoutTerms(product: product, country: scenario.customerCountries[0], customs: .directMail,
                                  location: "hub:\(supplier.country.code)", quantity: quantity, customerYearToDate: 0)
        return DaigouQuote(sku: sku, quantity: quantity, price: price, listed: listing != nil, shelfUnitPrice: shelfUnit,
                           shelfCost: shelfCost, serviceFee: fee, serviceFeeBP: settings.serviceFeeBP, parcel: parcel,
                           channel: channel, customs: .directMail, tax: terms?.tax, taxScheme: terms?.scheme,
                           refusal: cbecRefusal(product: product, quantity: quantity, customerYearToDate: 0),
                           margin: goods + fee - shelfCost - parcel,
                           deliveryDays: (World.daigouShoppingDays + channel.transitDays.lowerBound)...(World.daigouShoppingDays + channel.transitDays.upperBound))
    }
}
