/// The shop's standing choices, changed by `set` actions (`borderlab risk set`, `borderlab shop set`).
///
/// Settings are typed here and parsed from `key value` text in one place, so the log stays readable
/// (`set risk.verify_above 200.00 USD`) and a bad value is refused with the expected form.
public struct ShopSettings: Sendable, Equatable {
    /// Extra verification (3-D Secure, ID check) for payments above this amount, in the storefront currency.
    public var verifyAbove: Money?
    /// Extra verification for payments whose risk score (0–100) is above this.
    public var verifyScoreAbove: Int?
    /// Daigou: service fee on top of the goods, basis points.
    public var serviceFeeBP = 1_000
    /// Daigou: sell in a "circle of friends" (WeChat moments): more repeat buyers, parcels declared as gifts.
    public var circleOfFriends = false
    /// Direct-delivery and B2B platform: commission (service fee) on each sale, basis points.
    public var commissionBP = 1_200
    /// B2B platform: yearly membership (registration) fee per member, home currency; zero for a pure service-fee model.
    public var registrationFee: Money?
    /// Rebate: share of the earned commission paid back to the shopper, basis points.
    public var rebateShareBP = 5_000
    /// Rebate: traffic bought per day, home currency.
    public var adBudgetPerDay: Money?
    /// Self-operated B2C and daigou: paid marketing per day, home currency (clicks at a cost per click).
    public var marketingBudgetPerDay: Money?
    /// Payouts in a foreign currency are converted to the home currency at settlement (off: held as foreign cash).
    public var autoConvert = true
    /// Standing rules of the service desk: the answer given to each ticket kind the day it arrives (index = the kind's
    /// position in `TicketKind.allCases`; an array, not a dictionary, so walking it is deterministic).
    public var ticketPolicies: [TicketAction?] = Array(repeating: nil, count: TicketKind.allCases.count)
    /// Standing rule of the customs desk: release every mismatch hold (paying the correction charge) the day it appears.
    public var customsRelease = false
    /// `advance` stops when cash in the home currency falls below this.
    public var cashBelow: Money?

    public init() {}

    /// The standing answer to a ticket kind, if any.
    public func ticketPolicy(_ kind: TicketKind) -> TicketAction? { ticketPolicies[kind.ordinal] }

    /// The largest daily ad budget a rebate site may set (keeps a hostile log from buying billions of clicks a day).
    public static func maxAdBudget(_ currency: Currency) -> Money { Money(major: 100_000, currency) }

    /// Every key `set` accepts, with the form of its value, for help texts and errors.
    public static let keys: [(key: String, form: String, meaning: String)] = [
        ("risk.verify_above", "AMOUNT CUR | off", "extra verification for payments above this amount"),
        ("risk.verify_score_above", "0–100 | off", "extra verification for payments with a higher risk score"),
        ("daigou.service_fee", "PERCENT", "daigou service fee on top of the goods, e.g. 10"),
        ("daigou.circle_of_friends", "on | off", "sell to a circle of friends: repeat buyers, higher customs risk"),
        ("platform.commission", "PERCENT", "commission on each sale (direct-delivery) or trade (b2b-platform)"),
        ("platform.registration_fee", "AMOUNT CUR | off", "b2b-platform yearly membership fee each supplier pays to join (buyers join free); booked as fee revenue when paid"),
        ("rebate.share", "PERCENT", "share of each commission paid back to the shopper"),
        ("rebate.ad_budget", "AMOUNT CUR | off", "traffic bought per day"),
        ("marketing.daily_budget", "AMOUNT CUR | off", "paid marketing a day: clicks at a cost per click with diminishing returns, booked as marketing expense"),
        ("fx.auto_convert", "on | off", "convert foreign payouts to the home currency at settlement"),
        ("alerts.cash_below", "AMOUNT CUR | off", "`advance` stops when cash in the home currency falls below this"),
        ("customs.policy", "release | off", "standing rule: release every mismatch hold (paying the correction charge) the day it appears"),
    ] + TicketKind.allCases.map {
        (ShopSettings.ticketPolicyPrefix + $0.rawValue, "refund | resend | explain | escalate | off",
         "standing rule: answer every \($0.rawValue) ticket this way the day it arrives")
    }

    /// True for the keys of standing rules and alerts (`tickets.policy.*`, `customs.policy`, `alerts.*`).
    public static func isStandingRule(_ key: String) -> Bool {
        key.hasPrefix(ticketPolicyPrefix) || key == "customs.policy" || key.hasPrefix("alerts.")
    }

    /// Ticket policies are the settings `tickets.policy.KIND` (`borderlab tickets policy KIND ACTION|off`).
    public static let ticketPolicyPrefix = "tickets.policy."

    /// Parses and applies one setting. - Throws: ``EngineError/badSetting(key:value:expected:)``.
    public mutating func set(_ key: String, _ value: String, scenario: Scenario) throws(EngineError) {
        guard let entry = ShopSettings.keys.first(where: { $0.key == key }) else {
            // Echo at most 60 characters of what was given: a log line may be hostile.
            throw .unknownSetting(String(key.prefix(60)), known: ShopSettings.keys.map(\.key))
        }
        let bad = EngineError.badSetting(key: key, value: String(value.prefix(60)), expected: entry.form)
        let text = value.trimmingCharacters(in: " ")
        func percentBP() throws(EngineError) -> Int {
            guard let bp = ShopSettings.parsePercentBP(text), (0...10_000).contains(bp) else {
                throw .badSetting(key: key, value: String(value.prefix(60)), expected: "a percent from 0 to 100, e.g. 12 or 12.5")
            }
            return bp
        }
        func money(_ currency: Currency) throws(EngineError) -> Money? {
            if text == "off" { return nil }
            guard let amount = try? Money(parsing: text), amount.minor > 0 else { throw bad }
            guard amount.currency == currency else {
                throw .badSetting(key: key, value: String(value.prefix(60)), expected: "an amount in \(currency), e.g. \"100.00 \(currency)\", or off")
            }
            return amount
        }
        func flag() throws(EngineError) -> Bool {
            switch text { case "on": return true; case "off": return false; default: throw bad }
        }
        switch key {
        case "risk.verify_above": verifyAbove = try money(scenario.storefrontCurrency)
        case "risk.verify_score_above":
            if text == "off" { verifyScoreAbove = nil; return }
            guard let score = Int(text), (0...100).contains(score) else { throw bad }
            verifyScoreAbove = score
        case "daigou.service_fee": serviceFeeBP = try percentBP()
        case "daigou.circle_of_friends": circleOfFriends = try flag()
        case "platform.commission": commissionBP = try percentBP()
        case "platform.registration_fee": registrationFee = try money(scenario.homeCurrency)
        case "rebate.share": rebateShareBP = try percentBP()
        case "alerts.cash_below": cashBelow = try money(scenario.homeCurrency)
        case "customs.policy":
            switch text { case "release": customsRelease = true; case "off": customsRelease = false; default: throw bad }
        case _ where key.hasPrefix(ShopSettings.ticketPolicyPrefix):
            let kind = TicketKind(rawValue: String(key.dropFirst(ShopSettings.ticketPolicyPrefix.count)))!
            if text == "off" { ticketPolicies[kind.ordinal] = nil; return }
            guard let action = TicketAction(rawValue: text) else { throw bad }
            ticketPolicies[kind.ordinal] = action
        case "rebate.ad_budget", "marketing.daily_budget":
            // Bought traffic: a rebate site's ads or a shop's paid marketing, capped alike.
            let budget = try money(scenario.homeCurrency)
            if let budget, budget > ShopSettings.maxAdBudget(scenario.homeCurrency) {
                throw .badSetting(key: key, value: String(value.prefix(60)),
                                  expected: "at most \(ShopSettings.maxAdBudget(scenario.homeCurrency)) a day, or off")
            }
            if key == "rebate.ad_budget" { adBudgetPerDay = budget } else { marketingBudgetPerDay = budget }
        default: autoConvert = try flag()
        }
    }

    /// "12", "12.5", "12.5%" → 1250 basis points; nil when not a percentage with at most two decimals.
    static func parsePercentBP(_ text: String) -> Int? {
        var t = Substring(text)
        if t.hasSuffix("%") { t = t.dropLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        // At most three digits before the point: no percentage above 999 exists, and a hostile value cannot overflow.
        guard (1...2).contains(parts.count), (1...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int(parts[0]), whole >= 0 else { return nil }
        var bp = whole * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int(fraction) else { return nil }
            bp += fraction.count == 1 ? f * 10 : f
        }
        return bp
    }
}

private extension String {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
