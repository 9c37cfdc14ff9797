/// A supply agreement of a direct-delivery platform with an overseas supplier.
public struct Agreement: Sendable, Hashable {
    public let supplierID: String
    public let day: Int
    /// The up-front cost of onboarding the supplier (integration, catalogue, audit).
    public let cost: Money
}

/// A rebate site's claim on a merchant's commission for one attributed sale (or a fake one from click fraud).
public struct Attribution: Sendable, Hashable {
    public enum Status: String, Sendable { case pending, confirmed, reversed }
    public let id: Int
    public let day: Int
    /// The order it came from; 0 for a fake order placed by a click-fraud bot.
    public let orderID: Int
    public let sku: String
    public let commission: Money
    /// The cashback paid to the shopper at once.
    public let rebate: Money
    public let confirmDay: Int
    public var status: Status
}

/// A day of traffic bought by a rebate site.
public struct TrafficDay: Sendable, Hashable {
    public let day: Int
    public let spend: Money
    public let clicks: Int
    public let botClicks: Int
}

/// What the modes other than self-operated B2C keep, and the state of the instructor's events.
public struct ModeBook: Sendable {
    public internal(set) var agreements: [Agreement] = []
    /// By catalogue supplier index: a supply agreement is signed.
    var signed: [Bool] = []
    /// The one category of a vertical shop, fixed by its first listing.
    public internal(set) var verticalCategory: Category?
    public internal(set) var attributions: [Attribution] = []
    var attributionsDue: [[Int]] = []
    public internal(set) var traffic: [TrafficDay] = []
    public internal(set) var platform = PlatformBook()
    /// Today's multiplier on storefront visits from the mode (early low flow, circle of friends, bought traffic).
    var trafficFactor = 1.0
    /// Paid visits bought today with the marketing budget (self-operated B2C and daigou).
    var paidVisits = 0.0
    /// Tests of other mechanics (tickets, customs, risk) set a mature shop's traffic here: the earning modes then visit
    /// at this multiple of the base rate whatever the shop does. Never set by an action; nil in every real world.
    var trafficOverride: Double?
    /// Changes whenever checkout terms may change for a reason other than price, route or rule date.
    var termsEpoch = 0
    // Instructor events.
    var policySurchargeBP: [Int] = []
    var policyUntil: [Int] = []
    var supplierDownUntil: [Int] = []
    var viralBonus: [Double] = []
    var viralUntil: [Int] = []
    var strikes: [(country: String, until: Int)] = []
    /// By category ordinal: the day a positive-list removal ends (0: on the list as the catalogue says).
    var offPositiveListUntil = [Int](repeating: 0, count: 8)
    /// CBEC limits set by an instructor's event, until `limitsUntil`.
    var limitsOverride: CBECLimits?
    var limitsUntil = 0
    /// A fraud-wave event: extra fraud bots, percent, until `fraudWaveUntil`.
    var fraudWavePercent = 0
    var fraudWaveUntil = 0
    /// Direct-delivery: the commission in force when each order was placed (by order id − 1), for refunds.
    var commissionBPAtSale: [Int] = []

    public init() {}
}

extension World {
    /// Daigou: the shelf price abroad is above the supplier's first price tier (*assumption*: +10%).
    static let daigouShelfMarkupBP = 11_000
    /// Daigou: days the buyer needs to shop abroad before mailing (*assumption*).
    static let daigouShoppingDays = 2
    /// Daigou in a circle of friends: friends come back and bring friends (*assumption*: ×1.5 visits).
    static let circleOfFriendsTraffic = 1.5
    /// Direct-delivery: onboarding one supplier (integration, catalogue translation, audit), *assumption*.
    public static let agreementCost = Money(major: 20_000, .CNY)
    /// Platform modes: monthly operations (servers, staff, compliance), *assumption*.
    static let platformMonthlyCost = Money(major: 15_000, .CNY)
    /// A direct-delivery supplier's minimum advertised price, basis points of the typical retail price: the supplier
    /// nets the price less the platform's commission and pays the parcel, so it refuses to sell far below retail.
    public static let supplierMinimumPriceBP = 8_000

    /// The commission the suppliers' minimum price is set against: at it, the minimum is 80% of retail.
    public static let referenceCommissionBP = 1_200
    /// The highest commission a direct-delivery supplier accepts at all (*assumption*).
    public static let maxDirectDeliveryCommissionBP = 5_000

    /// A direct-delivery supplier's minimum price for a product at a commission: the supplier wants to net what it nets
    /// at 80% of retail under the reference 12% commission, so minimum = retail × 0.80 × 0.88 / (1 − commission),
    /// rounded half-up once. A greedier platform must charge shoppers more, and sells less.
    public static func supplierMinimum(retail: Money, commissionBP: Int) -> Money {
        let numerator = Int128(retail.minor) * Int128(supplierMinimumPriceBP) * Int128(10_000 - referenceCommissionBP)
        return Money(minor: divideHalfUp(numerator, 10_000 * Int128(10_000 - commissionBP)), retail.currency)
    }

    /// Refuses a direct-delivery price below the supplier's minimum at the commission in force (or `commissionBP`).
    func checkSupplierMinimum(sku: String, price: Money, commissionBP: Int? = nil) throws(EngineError) {
        guard mode == .directDelivery, let product = product(sku) else { return }
        let minimum = World.supplierMinimum(retail: product.typicalRetail, commissionBP: commissionBP ?? settings.commissionBP)
        if price.currency == minimum.currency && price < minimum {
            throw .belowSupplierMinimum(sku: sku, supplier: product.supplierID, minimum: minimum)
        }
    }
    /// Direct-delivery: a new platform starts with little traffic and reaches full flow after this many days (*assumption*).
    static let platformRampDays = 180
    /// A vertical shop is trusted as a specialist (*assumption*: +0.15 utility, about +16% choice odds). At +0.35 a
    /// formula specialist at the going price converted 7.4–8.1% of its visits (6.2% without the bonus, since formula
    /// is bought monthly), above DOMAIN.md's 1–4% for marketplace stores; README, "Calibration".
    static let verticalTrustBonus = 0.15
    /// A rebate site's visitors come from a deal search, ready to buy (*assumption*: +1.4 utility, what a marketplace
    /// shopper browsing one shop among many lacks; README, "Calibration").
    static let rebateIntentBonus = 1.4
    /// Friends trust the buyer they know (the paper: high stickiness of circle-of-friends buying), *assumption*:
    /// +0.6 utility, about +80% choice odds.
    static let circleTrustBonus = 0.6
    /// Rebate: cost per bought click and the share of bought clicks that are bots (*assumptions*).
    static let costPerClick = Money(minor: 60, .CNY)
    static let botClickShareBP = 3_000
    /// Rebate: a bot click turns into a fake attributed order this often (*assumption*).
    static let fakeOrderPerBotClickBP = 150
    /// Rebate: merchants confirm commissions after this many days.
    static let commissionConfirmDays = 30

    /// Affiliate commission merchants pay per attributed sale, by category (*assumption*, typical platform rates).
    public static func commissionBP(_ category: Category) -> Int {
        switch category {
        case .cosmetics, .apparel: 1_000
        case .supplements: 800
        case .kitchenware, .jewellery: 600
        case .watches: 500
        case .infantFormula, .electronics: 300
        }
    }

    /// Sets up the mode's state when the world is built.
    mutating func prepareMode() {
        modeBook.signed = [Bool](repeating: false, count: catalogue.suppliers.count)
        modeBook.supplierDownUntil = [Int](repeating: 0, count: catalogue.suppliers.count)
        modeBook.viralBonus = [Double](repeating: 0, count: catalogue.products.count)
        modeBook.viralUntil = [Int](repeating: 0, count: catalogue.products.count)
        modeBook.policySurchargeBP = [Int](repeating: 0, count: scenario.customerCountries.count)
        modeBook.policyUntil = [Int](repeating: 0, count: scenario.customerCountries.count)
        if mode == .b2bPlatform {
            settings.commissionBP = 300
            preparePlatform()
        }
        modeBook.trafficFactor = todaysTrafficFactor()
    }

    /// Daily work of the mode: platform members join and trade, bought traffic, payouts to suppliers, running costs.
    mutating func modeDay() {
        let today = date()
        // The running cost is paid monthly in advance on each first of a month; a world that starts mid-month pays
        // the rest of its first month on day 0, pro rata (15,000 × days left / days in the month, rounded once).
        if mode == .directDelivery || mode == .b2bPlatform {
            if today.day == 1 {
                payCharge(World.platformMonthlyCost, to: .serviceCosts, kind: .platformRunningCost, reference: day)
            } else if day == 0 {
                let length = SimDate.daysIn(month: today.month, year: today.year)
                let share = Money(minor: divideHalfUp(Int128(World.platformMonthlyCost.minor) * Int128(length - today.day + 1), Int128(length)),
                                  World.platformMonthlyCost.currency)
                payCharge(share, to: .serviceCosts, kind: .platformRunningCost, reference: day)
            }
        }
        if earnsTraffic {
            payMarketplaceFee()
            buyMarketing()
        }
        switch mode {
        case .directDelivery:
            if day % 7 == 6 { paySuppliers() }
        case .rebate:
            confirmAttributions()
            buyTraffic()
        case .b2bPlatform:
            platformDay()
        default:
            break
        }
        modeBook.trafficFactor = todaysTrafficFactor()
    }

    /// A rebate site's organic visits relative to a normal shop, by the cashback share it pays back (*assumption*):
    /// shoppers come to a rebate site for the cashback, so 0.5 + 1.25 × share — half the visits at no cashback, as
    /// many as a shop at 40%, 1.75× at 100%. Commission kept × visits then peaks near a 30% share.
    public static func cashbackTraffic(shareBP: Int) -> Double { 0.5 + 1.25 * Double(shareBP) / 10_000 }

    /// Visits today relative to a normal shop of the same population.
    func todaysTrafficFactor() -> Double {
        switch mode {
        case .daigou, .b2cComprehensive, .b2cVertical:
            return modeBook.trafficOverride ?? earnedTrafficFactor()
        case .directDelivery:
            guard let first = modeBook.agreements.first else { return 0.2 }
            return 0.2 + 0.8 * min(1, Double(day - first.day) / Double(World.platformRampDays))
        case .rebate:
            let genuine = modeBook.traffic.last.map { $0.day == day ? $0.clicks - $0.botClicks : 0 } ?? 0
            let organic = Double(max(1, population.count)) * World.baseVisitProbability
            return World.cashbackTraffic(shareBP: settings.rebateShareBP) + Double(genuine) / organic
        default:
            return 1
        }
    }

    /// `set`: one shop setting. Checkout terms are recomputed after it (a daigou fee or a rebate share changes them).
    mutating func applySetting(key: String, value: String) throws(EngineError) {
        let prefix = key.split(separator: ".").first.map(String.init) ?? key
        switch prefix {
        case "daigou" where mode != .daigou:
            throw .notInMode(action: "set \(key)", mode: mode.rawValue, fix: "Daigou settings apply to a daigou shop only.")
        case "rebate" where mode != .rebate:
            throw .notInMode(action: "set \(key)", mode: mode.rawValue, fix: "Rebate settings apply to a rebate site only.")
        case "marketing" where !earnsTraffic:
            throw .notInMode(action: "set \(key)", mode: mode.rawValue,
                             fix: "Paid marketing applies to a shop with its own storefront (b2c-comprehensive, b2c-vertical, daigou).")
        case "platform" where mode != .directDelivery && mode != .b2bPlatform:
            throw .notInMode(action: "set \(key)", mode: mode.rawValue,
                             fix: "Platform fees apply to a direct-delivery or b2b-platform shop only.")
        default:
            break
        }
        if key == "platform.registration_fee" && mode != .b2bPlatform {
            throw .notInMode(action: "set \(key)", mode: mode.rawValue, fix: "Only a b2b-platform charges a registration fee.")
        }
        var next = settings
        try next.set(key, value, scenario: scenario)
        if mode == .directDelivery && next.commissionBP != settings.commissionBP {
            // Suppliers keep the price less the commission: above 50% none will ship, and every listed price must
            // still meet its supplier's minimum at the new commission.
            guard next.commissionBP <= World.maxDirectDeliveryCommissionBP else {
                throw .badSetting(key: key, value: String(value.prefix(60)),
                                  expected: "at most 50 (suppliers keep the rest of each price and would not ship for less)")
            }
            for listing in listings where listing.active {
                try checkSupplierMinimum(sku: listing.sku, price: listing.price, commissionBP: next.commissionBP)
            }
        }
        settings = next
        // Standing rules and alerts change no price a shopper sees: the cached checkout terms stay valid.
        guard !ShopSettings.isStandingRule(key) else { return }
        modeBook.termsEpoch += 1
        modeBook.trafficFactor = todaysTrafficFactor()
    }

    /// `sign-supplier`: a supply agreement of a direct-delivery platform (an up-front onboarding cost).
    mutating func signSupplier(_ id: String) throws(EngineError) {
        guard mode == .directDelivery else {
            throw .notInMode(action: "sign supply agreements", mode: mode.rawValue, fix: "Only a direct-delivery platform signs them.")
        }
        guard let index = catalogue.suppliers.firstIndex(where: { $0.id == id }) else { throw .unknownSupplier(id) }
        let supplier = catalogue.suppliers[index]
        guard (supplier.country.code == "CN") != scenario.isImport else {
            throw .wrongOrigin(sku: id, supplierCountry: supplier.country.code, scenario: scenario.id)
        }
        guard !modeBook.signed[index] else { throw .alreadySigned(id) }
        modeBook.signed[index] = true
        modeBook.agreements.append(Agreement(supplierID: id, day: day, cost: World.agreementCost))
        payCharge(World.agreementCost, to: .serviceCosts, kind: .supplierOnboarding, reference: modeBook.agreements.count)
        events.append(WorldEvent(day: day, kind: "agreement-signed", detail: "supply agreement with \(id) (\(supplier.name))"))
        modeBook.trafficFactor = todaysTrafficFactor()
    }

    /// Checks a listing against the mode and returns how its goods reach customers: an on-demand lot for the
    /// modes without own stock (created here), nil for the B2C modes (stock comes from purchases).
    mutating func prepareListing(sku: String, price: Money) throws(EngineError) {
        guard let product = product(sku), let supplierIndex = catalogue.suppliers.firstIndex(where: { $0.id == product.supplierID }) else {
            throw .unknownSKU(sku)
        }
        let supplier = catalogue.suppliers[supplierIndex]
        switch mode {
        case .b2bPlatform:
            throw .notInMode(action: "list products in a storefront", mode: mode.rawValue,
                             fix: "A B2B platform earns from its members' trades: set its fees with `borderlab shop set platform.commission 3`.")
        case .b2cVertical:
            if let category = modeBook.verticalCategory, category != product.category {
                throw .wrongCategory(sku: sku, category: product.category.rawValue, shopCategory: category.rawValue)
            }
            modeBook.verticalCategory = product.category
        case .b2cComprehensive:
            break
        case .daigou, .directDelivery, .rebate:
            if scenario.isImport && !onPositiveList(product) { throw .offPositiveList(sku) }
            if mode == .directDelivery && !modeBook.signed[supplierIndex] { throw .notSigned(sku: sku, supplier: supplier.id) }
            try checkSupplierMinimum(sku: sku, price: price)
            if mode == .rebate && price != product.typicalRetail { throw .priceSetByMerchant(sku: sku, price: product.typicalRetail) }
            let (location, customs, outbound): (String, CustomsMode, Channel) = switch mode {
            case .daigou: ("hub:\(supplier.country.code)", .directMail, .dedicatedLine)
            case .directDelivery: ("supplier:\(supplier.country.code)", .directMail, .dedicatedLine)
            default: ("merchant:CN", .bonded, .bondedDelivery)
            }
            let lotID = lotFor(sku: sku, location: location, customs: customs, outbound: outbound)
            lots[lotID - 1].onDemand = true
            lots[lotID - 1].extraDays = mode == .daigou ? World.daigouShoppingDays : mode == .directDelivery ? product.leadTimeDays : 0
        }
    }

    /// Buys (daigou) or calls off (direct-delivery, rebate) the units of one order from an on-demand lot, and returns
    /// the days added before the parcel leaves.
    /// `drawCounterfeit` false for a ticket's replacement: its parcel runs no counterfeit draw of its own, so a
    /// counterfeit batch would otherwise be found in another customer's parcel.
    mutating func sourceOnDemand(lot lotIndex: Int, quantity: Int, drawCounterfeit: Bool = true) -> Int {
        let productIndex = lots[lotIndex].product
        let product = catalogue.products[productIndex]
        lots[lotIndex].purchased += quantity
        lots[lotIndex].received += quantity
        lots[lotIndex].onHand += quantity
        switch mode {
        case .daigou:
            let shelf = product.tiers[0].unitPrice.basisPoints(World.daigouShelfMarkupBP) * quantity
            let home = scenario.homeCurrency
            let goods = rates.cost(of: shelf, in: home, spreadBP: shelf.currency == home ? 0 : FXMarket.spreadBP)
            let id = purchaseOrders.count + 1
            purchaseOrders.append(PurchaseOrder(
                id: id, day: day, sku: product.id, supplierID: product.supplierID, quantity: quantity,
                unitPrice: product.tiers[0].unitPrice.basisPoints(World.daigouShelfMarkupBP), goodsHome: goods,
                freightHome: .zero(home), insuranceHome: .zero(home), dutyHome: .zero(home), channel: lots[lotIndex].outbound,
                customs: .directMail, lotID: lotIndex + 1, dispatchDay: day, arrivalDay: day, status: .received))
            lots[lotIndex].costOnHand += goods.minor
            ledger.post(day: day, kind: .purchase, reference: id, (.inventory, goods), (.cash, -goods))
            if drawCounterfeit { purchasePlaced(purchaseOrder: id) }
        default:
            break
        }
        return lots[lotIndex].extraDays
    }

    /// The service fee (daigou, positive) or cashback (rebate, negative) a shopper sees on top of goods and tax.
    func modeFee(goods: Money, product: Product) -> Money {
        switch mode {
        case .daigou: goods.basisPoints(settings.serviceFeeBP)
        case .rebate: .zero(goods.currency) - goods.basisPoints(World.commissionBP(product.category)).basisPoints(settings.rebateShareBP)
        default: .zero(goods.currency)
        }
    }

    /// Direct-delivery: pays suppliers what the platform collected for them (weekly).
    mutating func paySuppliers() {
        let home = scenario.homeCurrency
        let owed = -ledger.balance(.supplierPayable, home)
        guard owed.minor > 0 else { return }
        ledger.post(day: day, kind: .supplierPayment, reference: day, (.supplierPayable, owed), (.cash, -owed))
    }

    /// Rebate: books a sale a shopper made at a merchant after coming from the site.
    mutating func attribute(order id: Int, sku: String, goods: Money, category: Category) -> (commission: Money, rebate: Money) {
        let home = scenario.homeCurrency
        let goodsHome = rates.convert(goods, to: home)
        let commission = goodsHome.basisPoints(World.commissionBP(category))
        let rebate = commission.basisPoints(settings.rebateShareBP)
        let attribution = Attribution(id: modeBook.attributions.count + 1, day: day, orderID: id, sku: sku, commission: commission,
                                      rebate: rebate, confirmDay: day + World.commissionConfirmDays, status: .pending)
        modeBook.attributions.append(attribution)
        World.schedule(&modeBook.attributionsDue, day: attribution.confirmDay, id: attribution.id)
        ledger.open()
        ledger.line(.receivable, commission, day: day, kind: .commission, reference: attribution.id)
        ledger.line(.feeRevenue, -commission, day: day, kind: .commission, reference: attribution.id)
        ledger.line(.marketingExpense, rebate, day: day, kind: .commission, reference: attribution.id)
        ledger.line(.cash, -rebate, day: day, kind: .commission, reference: attribution.id)
        ledger.close()
        return (commission, rebate)
    }

    /// Rebate: merchants confirm genuine commissions (paid in cash) and reverse fake ones.
    mutating func confirmAttributions() {
        guard day < modeBook.attributionsDue.count else { return }
        for id in modeBook.attributionsDue[day] {
            let a = modeBook.attributions[id - 1]
            if a.orderID == 0 {
                modeBook.attributions[id - 1].status = .reversed
                ledger.post(day: day, kind: .commissionReversal, reference: id, (.feeRevenue, a.commission), (.receivable, -a.commission))
            } else {
                // The merchant's payment of it settles the same day (a `merchant` payment of the order).
                modeBook.attributions[id - 1].status = .confirmed
            }
        }
    }

    /// Rebate: today's bought traffic, paid from home cash (a day the shop cannot pay buys nothing); bots among the
    /// clicks place fake orders whose commission merchants later reverse.
    mutating func buyTraffic() {
        guard let budget = settings.adBudgetPerDay, cash(scenario.homeCurrency) >= budget else { return }
        let clicks = Int(budget.minor / World.costPerClick.minor)
        guard clicks > 0 else { return }
        let bots = Int((Int64(clicks) * Int64(World.botClickShareBP) + 5_000) / 10_000)
        modeBook.traffic.append(TrafficDay(day: day, spend: budget, clicks: clicks, botClicks: bots))
        ledger.post(day: day, kind: .adSpend, reference: day, (.marketingExpense, budget), (.cash, -budget))
        let promoted = listings.indices.filter { listings[$0].active }
        guard !promoted.isEmpty else { return }
        // Fake orders: each bot click converts independently with a small chance. The bots that do are found by
        // geometric gaps (one draw per fake order, not one per bot), the same process drawn more cheaply.
        let p = Double(World.fakeOrderPerBotClickBP) / 10_000
        let logMiss = DeterministicMath.log(1 - p)
        var position = -1, k = 0
        while true {
            let u = rng.uniform(.platform, day: day, entity: k, index: 0)
            k += 1
            let gap = DeterministicMath.log(1 - u) / logMiss
            guard gap < Double(bots) else { break }
            position += Int(gap) + 1
            guard position < bots else { break }
            let listing = listings[promoted[rng.integer(in: 0...(promoted.count - 1), .platform, day: day, entity: position, index: 1)]]
            let product = catalogue.products[listing.product]
            _ = attribute(order: 0, sku: listing.sku, goods: listing.price, category: product.category)
        }
    }

    /// The mode and every setting as text, sorted by key: the `shop_settings` table.
    public func settingsRows() -> [(String, String)] {
        func pct(_ bp: Int) -> String {
            bp % 100 == 0 ? String(bp / 100) : String(format2: bp)
        }
        let s = settings
        var rows: [(String, String)] = [
            ("mode", mode.rawValue),
            ("daigou.service_fee", pct(s.serviceFeeBP)), ("daigou.circle_of_friends", s.circleOfFriends ? "on" : "off"),
            ("platform.commission", pct(s.commissionBP)), ("platform.registration_fee", s.registrationFee?.description ?? "off"),
            ("rebate.share", pct(s.rebateShareBP)), ("rebate.ad_budget", s.adBudgetPerDay?.description ?? "off"),
            ("marketing.daily_budget", s.marketingBudgetPerDay?.description ?? "off"),
            ("risk.verify_above", s.verifyAbove?.description ?? "off"),
            ("risk.verify_score_above", s.verifyScoreAbove.map(String.init) ?? "off"),
            ("fx.auto_convert", s.autoConvert ? "on" : "off"),
            ("alerts.cash_below", s.cashBelow?.description ?? "off"), ("customs.policy", s.customsRelease ? "release" : "off"),
        ] + TicketKind.allCases.map { (ShopSettings.ticketPolicyPrefix + $0.rawValue, s.ticketPolicy($0)?.rawValue ?? "off") }
        if let category = modeBook.verticalCategory { rows.append(("vertical.category", category.rawValue)) }
        return rows.sorted { $0.0 < $1.0 }
    }

    /// Extra choice utility of a listing from the shop's mode and from viral reviews.
    func modeChoiceBonus(listing: Int) -> Double {
        let product = listings[listing].product
        var bonus = modeBook.viralUntil.isEmpty || modeBook.viralUntil[product] <= day ? 0 : modeBook.viralBonus[product]
        if mode == .b2cVertical { bonus += World.verticalTrustBonus }
        if mode == .rebate { bonus += World.rebateIntentBonus }
        if mode == .daigou && settings.circleOfFriends { bonus += World.circleTrustBonus }
        return bonus
    }
}

private extension String {
    /// Basis points as a percentage with two decimals: 1250 → "12.50".
    init(format2 bp: Int) {
        let cents = bp % 100
        self = "\(bp / 100)." + (cents < 10 ? "0" : "") + String(cents)
    }
}
