/// The landed cost of bringing goods from a supplier to where customers are served, per DOMAIN.md.
public struct LandedCostQuote: Sendable, Equatable {
    public let sku: String
    public let quantity: Int
    public let channel: Channel
    public let customs: CustomsMode
    /// Where the stock will sit (`bonded:CN`, `hub:JP`, `warehouse:CN`, `overseas:US`).
    public let location: String
    /// How each customer order will leave that stock.
    public let outbound: Channel
    public let unitPrice: Money
    /// Goods at the supplier's price, in the supplier's currency.
    public let goodsForeign: Money
    /// The rate used: home-currency units per supplier-currency unit, including the bank's spread.
    public let fxRate: Rational
    public let goods: Money
    public let freight: Money
    public let insurance: Money
    /// Import duty the shop pays itself (9810 into an overseas warehouse); 0 otherwise.
    public let duty: Money
    /// The duty's base in the destination's currency: CIF (goods + freight + insurance) or FOB (goods) as the
    /// destination's schedule says; nil when no duty applies.
    public let dutyBase: Money?
    /// The duty rate applied to `dutyBase` (category rate plus any origin surcharge).
    public let dutyRate: Rational
    /// True when `dutyBase` is CIF (goods + freight + insurance), false when FOB (goods only).
    public let dutyIncludesShipping: Bool
    public let dispatchDays: Int
    public let transitDays: ClosedRange<Int>
    /// The carrier's charge for one single-unit parcel to a customer from this stock.
    public let parcelFreight: Money
    /// The tax the customer pays at checkout on one unit at `retailPrice` (CBEC tax, VAT or duty), by country.
    public let customerTax: [(country: String, retail: Money, tax: Money, scheme: String)]
    /// Countries whose customs would refuse one unit at the shop's price, and why (China: off the positive list, or a
    /// single unit already above the 26,000 CNY annual limit).
    public var customerRefusals: [(country: String, reason: String)] = []
    /// China's CBEC limits in force on the quote's date, an instructor's event included (nil outside cn-import).
    public var cbecLimits: CBECLimits? = nil

    public var total: Money { goods + freight + insurance + duty }
    public var unitLanded: Money { Money(minor: divideHalfUp(Int128(total.minor), Int128(quantity)), total.currency) }

    public static func == (l: LandedCostQuote, r: LandedCostQuote) -> Bool {
        l.sku == r.sku && l.quantity == r.quantity && l.total == r.total && l.location == r.location
    }
}

extension World {
    /// The warehouses a 9810 export may go to, and the customer countries each serves.
    public static let overseasWarehouses: [(country: String, serves: [String])] = [
        ("DE", ["DE", "FR", "IT", "ES", "NL"]), ("JP", ["JP"]), ("US", ["US"]),
    ]

    /// The channels that may carry a purchase under a customs mode.
    public static func channels(for customs: CustomsMode) -> [Channel] {
        switch customs {
        case .directMail: [.postal, .epacket, .dedicatedLine, .express]
        case .bonded, .overseasWarehouse, .b2bDirect: [.seaFreight, .airFreight]
        }
    }

    /// Prices a purchase without making it: the landed-cost breakdown `market quote` prints.
    public func quote(sku: String, quantity: Int, channel: Channel, customs: CustomsMode,
                      warehouse: String? = nil) throws(EngineError) -> LandedCostQuote {
        guard let product = product(sku), let supplier = catalogue.supplier(product.supplierID) else { throw .unknownSKU(sku) }
        guard scenario.customsModes.contains(customs) else {
            throw .customsNotAllowed(customs: customs, scenario: scenario.id, allowed: scenario.customsModes)
        }
        if warehouse != nil && customs != .overseasWarehouse { throw .warehouseNotUsed(customs: customs) }
        let allowed = World.channels(for: customs)
        guard allowed.contains(channel) else { throw .channelNotAllowed(channel: channel, customs: customs, allowed: allowed) }
        guard quantity > 0 else { throw .nonPositiveQuantity(quantity) }
        guard quantity <= World.maxPurchaseQuantity else { throw .quantityTooLarge(quantity) }
        let fromChina = supplier.country.code == "CN"
        guard fromChina != scenario.isImport else {
            throw .wrongOrigin(sku: sku, supplierCountry: supplier.country.code, scenario: scenario.id)
        }
        if scenario.isImport && !onPositiveList(product) { throw .offPositiveList(sku) }
        guard quantity >= product.moq else { throw .belowMOQ(sku: sku, quantity: quantity, moq: product.moq) }
        if let until = supplierDown(product.supplierID) { throw .supplierUnavailable(supplier: product.supplierID, untilDay: until) }
        if mode == .b2cVertical, let category = modeBook.verticalCategory, category != product.category {
            throw .wrongCategory(sku: sku, category: product.category.rawValue, shopCategory: category.rawValue)
        }
        guard mode.holdsStock else {
            throw .notInMode(action: "buy stock", mode: mode.rawValue, fix: mode.noStockReason)
        }
        if let limit = channel.maxParcelGrams, channel.chargeableGrams(of: product) > limit {
            throw .parcelTooHeavy(sku: sku, channel: channel, grams: channel.chargeableGrams(of: product), limit: limit)
        }
        var serves = scenario.customerCountries
        let location: String
        let outbound: Channel
        switch (customs, scenario.isImport) {
        case (.bonded, _):
            location = "bonded:CN"; outbound = .bondedDelivery
        case (.directMail, true):
            location = "hub:\(supplier.country.code)"; outbound = channel
        case (.overseasWarehouse, _):
            guard let name = warehouse else { throw .warehouseRequired }
            guard let entry = World.overseasWarehouses.first(where: { $0.country == name.uppercased() }) else {
                throw .unknownWarehouse(name, allowed: World.overseasWarehouses.map(\.country))
            }
            location = "overseas:\(entry.country)"; outbound = .overseasWarehouse
            serves = entry.serves.filter { serves.contains($0) }
        default:
            location = "warehouse:CN"; outbound = channel
        }
        let home = scenario.homeCurrency
        let unitPrice = product.unitPrice(quantity: quantity)
        let goodsForeign = unitPrice * quantity
        let goods = try rates.checkedCost(of: goodsForeign, in: home, spreadBP: goodsForeign.currency == home ? 0 : FXMarket.spreadBP,
                                          field: "The goods of \(quantity) × \(sku)")
        let grams = product.chargeableGrams * quantity
        let freight: Money
        let transit: ClosedRange<Int>
        if channel.kind == .bulk {
            freight = channel.cost(chargeableGrams: grams)
            // Sea freight takes as long as its lane: Korea or Japan to China in days, Europe in weeks.
            let destination = location.hasPrefix("overseas:") ? String(location.dropFirst("overseas:".count)) : "CN"
            transit = channel == .seaFreight ? Channel.seaLaneDays(from: supplier.country.code, to: destination) : channel.transitDays
        } else {
            freight = Inland.cost(chargeableGrams: grams); transit = Inland.transitDays
        }
        let insurance = CargoInsurance.premium(goodsAndFreight: goods + freight)
        var duty = Money.zero(home)
        var dutyBase: Money?
        var dutyRate = Rational(0)
        var cif = false
        if customs == .overseasWarehouse, let destination = Country.named(String(location.dropFirst("overseas:".count))) {
            // The customs value: CIF where the destination's schedule includes shipping (EU, JP), FOB where it
            // does not (US: transaction value without international freight and insurance).
            cif = DestinationTax.dutyIncludesShipping(destination: destination, date: date())
            let customsValue = rates.convert(cif ? goods + freight + insurance : goods, to: destination.currency)
            dutyRate = DestinationTax.dutyRate(category: product.category, destination: destination,
                                               origin: supplier.country, date: date())
            dutyBase = customsValue
            duty = rates.cost(of: customsValue.times(dutyRate), in: home, spreadBP: FXMarket.spreadBP)
        }
        let taxes = serves.compactMap { country -> (String, Money, Money, String)? in
            guard let offer = checkoutTerms(product: product, country: country, customs: customs, location: location,
                                            quantity: 1, customerYearToDate: 0) else { return nil }
            return (country, offer.goods, offer.tax, offer.scheme)
        }
        return LandedCostQuote(
            sku: sku, quantity: quantity, channel: channel, customs: customs, location: location, outbound: outbound,
            unitPrice: unitPrice, goodsForeign: goodsForeign,
            fxRate: Rational(Int128(goods.minor) * Int128(goodsForeign.currency.minorPerMajor),
                             Int128(goodsForeign.minor) * Int128(home.minorPerMajor)),
            goods: goods, freight: freight, insurance: insurance, duty: duty, dutyBase: dutyBase, dutyRate: dutyRate,
            dutyIncludesShipping: cif,
            dispatchDays: product.leadTimeDays, transitDays: transit,
            parcelFreight: outbound.cost(chargeableGrams: outbound.chargeableGrams(of: product)), customerTax: taxes,
            customerRefusals: serves.compactMap { country in
                cbecRefusal(product: product, quantity: 1, customerYearToDate: 0).map { (country, $0.description) }
            },
            cbecLimits: scenario.isImport ? cbecLimitsInForce : nil)
    }

    mutating func buy(sku: String, quantity: Int, channel: Channel, customs: CustomsMode, warehouse: String?) throws(EngineError) {
        let quote = try quote(sku: sku, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse)
        let product = product(sku)!
        let available = cash(scenario.homeCurrency)
        guard quote.total <= available else { throw .cannotAfford(needed: quote.total, available: available) }
        // A vertical shop's first purchase (or listing) fixes its category, so no stock is bought it could not list.
        if mode == .b2cVertical && modeBook.verticalCategory == nil { modeBook.verticalCategory = product.category }
        let lotID = lotFor(sku: sku, location: quote.location, customs: customs, outbound: quote.outbound)
        let id = purchaseOrders.count + 1
        let span = quote.transitDays
        let transit = rng.integer(in: span, .transit, day: day, entity: id, index: 0)
        let dispatch = day + product.leadTimeDays
        purchaseOrders.append(PurchaseOrder(
            id: id, day: day, sku: sku, supplierID: product.supplierID, quantity: quantity, unitPrice: quote.unitPrice,
            goodsHome: quote.goods, freightHome: quote.freight, insuranceHome: quote.insurance, dutyHome: quote.duty,
            channel: channel, customs: customs, lotID: lotID, dispatchDay: dispatch, arrivalDay: dispatch + transit,
            status: .ordered))
        lots[lotID - 1].inTransit += quantity
        lots[lotID - 1].purchased += quantity
        World.schedule(&arrivalsDue, day: dispatch + transit, id: id)
        ledger.post(day: day, kind: .purchase, reference: id, (.inventory, quote.total), (.cash, -quote.total))
        purchasePlaced(purchaseOrder: id)
    }

    /// The stock lot for a route, created on first use.
    mutating func lotFor(sku: String, location: String, customs: CustomsMode, outbound: Channel) -> Int {
        if let lot = lots.first(where: { $0.sku == sku && $0.location == location && $0.outbound == outbound }) {
            return lot.id
        }
        let serves: [String]
        if location.hasPrefix("overseas:") {
            let country = String(location.dropFirst("overseas:".count))
            serves = (World.overseasWarehouses.first { $0.country == country }?.serves ?? [country])
                .filter { scenario.customerCountries.contains($0) }
        } else {
            serves = scenario.customerCountries
        }
        let countries = scenario.customerCountries
        let mask = countries.indices.reduce(UInt32(0)) { serves.contains(countries[$1]) ? $0 | (1 << UInt32($1)) : $0 }
        let lot = StockLot(id: lots.count + 1, sku: sku, location: location, customs: customs, outbound: outbound,
                           serves: serves, servesMask: mask, product: productIndex[sku]!, onHand: 0, inTransit: 0, received: 0, sold: 0, costOnHand: 0)
        lots.append(lot)
        return lot.id
    }

    mutating func list(sku: String, price: Money) throws(EngineError) {
        guard let product = product(sku), let supplier = catalogue.supplier(product.supplierID) else { throw .unknownSKU(sku) }
        guard (supplier.country.code == "CN") != scenario.isImport else {
            throw .wrongOrigin(sku: sku, supplierCountry: supplier.country.code, scenario: scenario.id)
        }
        try checkPrice(sku: sku, price: price)
        if let index = listingIndex[sku], listings[index].active { throw mode == .rebate ? .alreadyPromoted(sku) : .alreadyListed(sku) }
        try prepareListing(sku: sku, price: price)
        if let index = listingIndex[sku] {
            listings[index].active = true
            listings[index].price = price
            return
        }
        listingIndex[sku] = listings.count
        listingOfProduct[productIndex[sku]!] = listings.count
        listings.append(Listing(sku: sku, product: productIndex[sku]!, price: price, listedDay: day, active: true, reviewCount: 0, starSum: 0,
                                reference: [Double](repeating: 1.0, count: scenario.customerCountries.count)))
    }

    mutating func reprice(sku: String, price: Money) throws(EngineError) {
        guard product(sku) != nil else { throw .unknownSKU(sku) }
        guard let index = listingIndex[sku], listings[index].active else { throw .notListed(sku) }
        try checkPrice(sku: sku, price: price)
        if mode == .rebate, let product = product(sku) { throw .priceSetByMerchant(sku: sku, price: product.typicalRetail) }
        try checkSupplierMinimum(sku: sku, price: price)
        listings[index].price = price
    }

    func checkPrice(sku: String, price: Money) throws(EngineError) {
        guard price.currency == scenario.storefrontCurrency else {
            throw .wrongCurrency(sku: sku, given: price.currency, expected: scenario.storefrontCurrency)
        }
        guard price.minor > 0 else { throw .nonPositivePrice(sku) }
    }

    static func schedule(_ queue: inout [[Int]], day due: Int, id: Int) {
        while queue.count <= due { queue.append([]) }
        queue[due].append(id)
    }
}

/// What one unit sold in a one-unit order costs the shop before payment fees, in the home currency.
public struct UnitCostToServe: Sendable, Equatable {
    /// Goods brought to where they ship from: the latest purchase's landed cost per unit (own stock), or the
    /// supplier's shelf price abroad (daigou).
    public let landed: Money
    /// The parcel to the customer, which the shop pays.
    public let parcel: Money
    public var total: Money { landed + parcel }
}

extension World {
    /// The cost of serving one unit of `sku` in a one-unit order, for the shops that pay for goods and parcels
    /// (own stock, daigou); nil in the agent modes and before any stock of the SKU was bought.
    /// `shop add` and `shop price` compare a price with it, so a student sees a loss-making price before customers do.
    public func unitCostToServe(sku: String) -> UnitCostToServe? {
        guard let product = product(sku) else { return nil }
        let home = scenario.homeCurrency
        switch mode {
        case .b2cComprehensive, .b2cVertical:
            guard let po = purchaseOrders.last(where: { $0.sku == sku && $0.status != .cancelled }) else { return nil }
            let landed = Money(minor: divideHalfUp(Int128(po.landedHome.minor), Int128(po.quantity)), home)
            return UnitCostToServe(landed: landed, parcel: lots[po.lotID - 1].outbound.cost(chargeableGrams: lots[po.lotID - 1].outbound.chargeableGrams(of: product)))
        case .daigou:
            let shelf = product.tiers[0].unitPrice.basisPoints(World.daigouShelfMarkupBP)
            let landed = rates.cost(of: shelf, in: home, spreadBP: shelf.currency == home ? 0 : FXMarket.spreadBP)
            return UnitCostToServe(landed: landed, parcel: Channel.dedicatedLine.cost(chargeableGrams: Channel.dedicatedLine.chargeableGrams(of: product)))
        default:
            return nil
        }
    }
}
