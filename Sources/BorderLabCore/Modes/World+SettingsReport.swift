/// One value of a shop setting as `shop settings` shows it, typed so that each front end formats money its own way.
public enum SettingValue: Sendable, Equatable {
    /// A rate in basis points, shown as a percentage with two decimals (1250 → "12.50%").
    case percent(Int)
    /// An amount, or nil when the setting is off.
    case money(Money?)
    /// A switch.
    case flag(Bool)
    /// A whole number, or nil when the setting is off.
    case number(Int?)
    /// A word (a category, a policy).
    case word(String)

    /// The value as text, money written by `money` (the CLI groups thousands; JSON would not).
    public func text(money: (Money) -> String = { $0.description }) -> String {
        switch self {
        case .percent(let bp):
            let cents = bp % 100
            return "\(bp / 100)." + (cents < 10 ? "0" : "") + "\(cents)%"
        case .money(let amount): return amount.map(money) ?? "off"
        case .flag(let on): return on ? "on" : "off"
        case .number(let n): return n.map(String.init) ?? "off"
        case .word(let w): return w
        }
    }
}

/// What `borderlab shop settings` shows: the mode in a sentence, the settings that mode uses, and its agreements.
public struct SettingsReport: Sendable, Equatable {
    /// "Mode: daigou — overseas purchasing …".
    public let modeLine: String
    /// The mode's own settings first, then those every shop has, in the order shown.
    public let rows: [Row]
    /// "Supply agreements: SUP-… (day 3), …", or nil when none is signed.
    public let agreementsLine: String?
    /// Where the ticket rules are, since they are listed by their own command.
    public static let ticketRulesLine = "Ticket rules: borderlab tickets policy"

    public struct Row: Sendable, Equatable {
        public let key: String
        public let value: SettingValue
        public init(_ key: String, _ value: SettingValue) { self.key = key; self.value = value }
    }
}

extension World {
    /// The shop's settings as `shop settings` shows them: each mode lists only the settings it uses (a daigou shop its
    /// service fee, a platform its commission, a vertical shop its category), then marketing for the modes that buy
    /// traffic, then risk, FX, alerts and customs, which every shop has.
    public func settingsReport() -> SettingsReport {
        let s = settings
        var rows: [SettingsReport.Row] = []
        switch mode {
        case .daigou:
            rows.append(.init("daigou.service_fee", .percent(s.serviceFeeBP)))
            rows.append(.init("daigou.circle_of_friends", .flag(s.circleOfFriends)))
        case .directDelivery:
            rows.append(.init("platform.commission", .percent(s.commissionBP)))
        case .b2bPlatform:
            rows.append(.init("platform.commission", .percent(s.commissionBP)))
            rows.append(.init("platform.registration_fee", .money(s.registrationFee)))
        case .rebate:
            rows.append(.init("rebate.share", .percent(s.rebateShareBP)))
            rows.append(.init("rebate.ad_budget", .money(s.adBudgetPerDay)))
        case .b2cComprehensive, .b2cVertical:
            if let category = modeBook.verticalCategory { rows.append(.init("vertical category", .word(category.rawValue))) }
        }
        if mode.holdsStock || mode == .daigou {
            rows.append(.init("marketing.daily_budget", .money(s.marketingBudgetPerDay)))
        }
        rows.append(.init("risk.verify_above", .money(s.verifyAbove)))
        rows.append(.init("risk.verify_score_above", .number(s.verifyScoreAbove)))
        rows.append(.init("fx.auto_convert", .flag(s.autoConvert)))
        rows.append(.init("alerts.cash_below", .money(s.cashBelow)))
        rows.append(.init("customs.policy", .word(s.customsRelease ? "release" : "off")))
        let agreements = modeBook.agreements.isEmpty ? nil
            : "Supply agreements: " + modeBook.agreements.map { "\($0.supplierID) (day \($0.day))" }.joined(separator: ", ")
        return SettingsReport(modeLine: "Mode: \(mode.rawValue) — \(mode.summary(in: scenario))", rows: rows, agreementsLine: agreements)
    }
}

extension ShopMode {
    /// What happens next to a new listing, in the words of the mode (`shop add` prints it after "Listed …."), with a
    /// leading space; empty when a stock-holding shop already has the stock.
    public func listingNote(onHand: Int) -> String {
        switch self {
        case .b2cComprehensive, .b2cVertical, .b2bPlatform:
            onHand == 0 ? " It has no stock yet: customers see it once stock arrives." : ""
        case .daigou:
            " Customers can order it now; you buy it abroad after each order (2 shopping days plus the dedicated line)."
        case .directDelivery:
            " Customers can order it now; the signed supplier mails each order 9610 direct and you keep the commission."
        case .rebate:
            " It is promoted now at the merchant's price; you earn its category's commission on each attributed sale."
        }
    }
}
