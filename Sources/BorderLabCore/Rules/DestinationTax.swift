/// One line of an export parcel, priced in the destination's currency.
public struct ExportLine: Sendable, Hashable {
    public let sku: String
    /// Picks the duty rate (destination duty schedules are by category).
    public let category: Category
    /// Six-digit HS subheading; the EU's flat duty counts distinct subheadings.
    public let hsSubheading: String
    public let quantity: Int
    /// Price per unit the customer pays, in the destination currency.
    public let unitPrice: Money

    public init(sku: String, category: Category, hsSubheading: String, quantity: Int, unitPrice: Money) {
        self.sku = sku
        self.category = category
        self.hsSubheading = hsSubheading
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var goodsValue: Money { unitPrice * quantity }
}

/// A parcel sent from a shop to a customer abroad.
public struct ExportParcel: Sendable, Hashable {
    /// The day of import; it picks the rules in force.
    public let date: SimDate
    public let destination: Country
    /// Where the goods come from (the US taxes Chinese-origin goods more).
    public let origin: Country
    public let lines: [ExportLine]
    /// Shipping charged to the customer, in the destination currency.
    public let shipping: Money

    public init(date: SimDate, destination: Country, origin: Country, lines: [ExportLine], shipping: Money) {
        self.date = date
        self.destination = destination
        self.origin = origin
        self.lines = lines
        self.shipping = shipping
    }

    /// Goods only, without shipping: what the IOSS, de minimis and low-value thresholds look at.
    public var intrinsicValue: Money {
        lines.reduce(Money.zero(destination.currency)) { $0 + $1.goodsValue }
    }
}

/// What the destination levies on a parcel, and how.
public struct DestinationAssessment: Sendable, Equatable {
    /// VAT, GST or consumption tax, in the destination currency.
    public let vat: Money
    public let duty: Money
    /// The regime applied: `EU-IOSS`, `EU-import`, `US-de-minimis`, `US-formal`, `JP-small-exempt`, `JP-import`,
    /// `GB-low-value`, `GB-import`, `AU-low-value-GST`, `AU-import`, or `no-rules` for destinations the sandbox
    /// does not tax.
    public let scheme: String
    /// True when the seller collects the tax at checkout (so the customer pays nothing on delivery).
    public let collectedAtCheckout: Bool

    public init(vat: Money, duty: Money, scheme: String, collectedAtCheckout: Bool) {
        self.vat = vat
        self.duty = duty
        self.scheme = scheme
        self.collectedAtCheckout = collectedAtCheckout
    }

    /// VAT + duty.
    public var total: Money { vat + duty }
}

/// Import tax and duty of the export destinations (DOMAIN.md), with every figure from ``RuleBook``.
///
/// Each amount is computed exactly and rounded once, half-up, to the destination currency's minor unit.
/// Where a VAT base includes duty (normal imports), it is the duty as assessed, i.e. rounded.
///
/// Not modelled: the EU before 2021-07-01 (22 EUR VAT exemption, 150 EUR duty relief), the UK before 2021-01-01
/// and Australia before 2018-07-01 (their older low-value reliefs): on such dates every parcel is a normal import.
/// Nor the US postal flat per-item duties, Japan's 60% valuation of personal-use goods, or sellers without IOSS.
public enum DestinationTax {
    /// Assesses `parcel` under the rules in force on its date in its destination.
    /// - Precondition: at least one line, quantities ≥ 1, amounts in the destination currency and not negative.
    public static func assess(_ parcel: ExportParcel) -> DestinationAssessment {
        validate(parcel)
        let destination = parcel.destination
        if destination.isEU { return eu(parcel) }
        switch destination.code {
        case "US": return us(parcel)
        case "JP": return jp(parcel)
        case "GB": return sellerCollected(parcel, jurisdiction: "GB", rate: RuleBook.gbVAT, lowValue: RuleBook.gbLowValue,
                                          lowScheme: "GB-low-value", importScheme: "GB-import")
        case "AU": return sellerCollected(parcel, jurisdiction: "AU", rate: RuleBook.auGST, lowValue: RuleBook.auLowValue,
                                          lowScheme: "AU-low-value-GST", importScheme: "AU-import")
        default:
            let zero = Money.zero(destination.currency)
            return DestinationAssessment(vat: zero, duty: zero, scheme: "no-rules", collectedAtCheckout: false)
        }
    }

    /// EU: IOSS up to 150 EUR intrinsic value (VAT on goods + shipping; flat duty while in force), else a normal
    /// import (duty by category on goods + shipping, VAT on goods + shipping + duty).
    static func eu(_ parcel: ExportParcel) -> DestinationAssessment {
        guard let vat = RuleBook.euVAT.value(on: parcel.date, key: parcel.destination.code) else {
            preconditionFailure("no VAT rate for \(parcel.destination.code) on \(parcel.date)")
        }
        let rate = Rational(basisPoints: vat.rateBP)
        let goods = parcel.intrinsicValue
        if let ioss = RuleBook.euIOSS.value(on: parcel.date), ioss.admits(goods, origin: parcel.origin.code) {
            var duty = Money.zero(.EUR)
            if let flat = RuleBook.euFlatDuty.value(on: parcel.date), goods < flat.intrinsicLimit {
                duty = flat.perSubheading * distinctSubheadings(parcel)
            }
            let tax = money(exact(goods + parcel.shipping) * rate, parcel)
            return DestinationAssessment(vat: tax, duty: duty, scheme: "EU-IOSS", collectedAtCheckout: true)
        }
        let duty = money(dutyExact(parcel, jurisdiction: "EU", extraBP: 0), parcel)
        let tax = money(exact(goods + parcel.shipping + duty) * rate, parcel)
        return DestinationAssessment(vat: tax, duty: duty, scheme: "EU-import", collectedAtCheckout: false)
    }

    /// US: de minimis while the parcel's origin still qualifies, else duty on the goods' value at the base rate
    /// plus any surcharge on the origin. No federal VAT.
    static func us(_ parcel: ExportParcel) -> DestinationAssessment {
        let zero = Money.zero(.USD)
        if let deMinimis = RuleBook.usDeMinimis.value(on: parcel.date),
           deMinimis.admits(parcel.intrinsicValue, origin: parcel.origin.code) {
            return DestinationAssessment(vat: zero, duty: zero, scheme: "US-de-minimis", collectedAtCheckout: false)
        }
        var extra = 0
        if let surcharge = RuleBook.usOriginSurcharge.value(on: parcel.date), surcharge.origins.contains(parcel.origin.code) {
            extra = surcharge.rateBP
        }
        let duty = money(dutyExact(parcel, jurisdiction: "US", extraBP: extra), parcel)
        return DestinationAssessment(vat: zero, duty: duty, scheme: "US-formal", collectedAtCheckout: false)
    }

    /// Japan: taxable value (goods + shipping) up to the small-value limit is free; above it, duty by category
    /// and consumption tax on value + duty, paid on delivery.
    static func jp(_ parcel: ExportParcel) -> DestinationAssessment {
        guard let ct = RuleBook.jpConsumptionTax.value(on: parcel.date) else {
            preconditionFailure("no Japanese consumption tax rule in force on \(parcel.date)")
        }
        let taxable = parcel.intrinsicValue + parcel.shipping
        if let small = RuleBook.jpSmallValue.value(on: parcel.date), small.admits(taxable, origin: parcel.origin.code) {
            let zero = Money.zero(.JPY)
            return DestinationAssessment(vat: zero, duty: zero, scheme: "JP-small-exempt", collectedAtCheckout: false)
        }
        let duty = money(dutyExact(parcel, jurisdiction: "JP", extraBP: 0), parcel)
        let tax = money(exact(taxable + duty) * Rational(basisPoints: ct.rateBP), parcel)
        return DestinationAssessment(vat: tax, duty: duty, scheme: "JP-import", collectedAtCheckout: false)
    }

    /// UK and Australia: up to the low-value limit (intrinsic value) the seller charges VAT/GST on the price with
    /// shipping and no duty is due; above it, duty by category and VAT/GST on value + shipping + duty at the border.
    static func sellerCollected(_ parcel: ExportParcel, jurisdiction: String, rate: RuleTable<TaxRate>,
                                lowValue: RuleTable<ValueThreshold>, lowScheme: String, importScheme: String) -> DestinationAssessment {
        guard let tax = rate.value(on: parcel.date) else {
            preconditionFailure("no \(jurisdiction) VAT/GST rule in force on \(parcel.date)")
        }
        let rate = Rational(basisPoints: tax.rateBP)
        let goods = parcel.intrinsicValue
        if let low = lowValue.value(on: parcel.date), low.admits(goods, origin: parcel.origin.code) {
            let vat = money(exact(goods + parcel.shipping) * rate, parcel)
            return DestinationAssessment(vat: vat, duty: .zero(parcel.destination.currency), scheme: lowScheme, collectedAtCheckout: true)
        }
        let duty = money(dutyExact(parcel, jurisdiction: jurisdiction, extraBP: 0), parcel)
        let vat = money(exact(goods + parcel.shipping + duty) * rate, parcel)
        return DestinationAssessment(vat: vat, duty: duty, scheme: importScheme, collectedAtCheckout: false)
    }

    /// Σ line value × (category rate + `extraBP`), in minor units, with shipping allocated pro rata to goods
    /// value when the destination's customs value includes it.
    static func dutyExact(_ parcel: ExportParcel, jurisdiction: String, extraBP: Int) -> Rational {
        guard let schedule = RuleBook.dutySchedules.value(on: parcel.date, key: jurisdiction) else {
            preconditionFailure("no \(jurisdiction) duty schedule in force on \(parcel.date)")
        }
        let goods = parcel.lines.map(\.goodsValue.minor)
        let shipping = schedule.includesShipping ? exact(parcel.shipping) : .zero
        let shares = ProRata.split(shipping, weights: goods)
        var duty = Rational.zero
        for (index, line) in parcel.lines.enumerated() {
            let value = Rational(Int128(goods[index])) + shares[index]
            duty = duty + value * Rational(basisPoints: schedule.rateBP(for: line.category) + extraBP)
        }
        return duty
    }

    /// How many different tariff subheadings the parcel holds.
    static func distinctSubheadings(_ parcel: ExportParcel) -> Int {
        var seen: [String] = []
        for line in parcel.lines where !seen.contains(line.hsSubheading) { seen.append(line.hsSubheading) }
        return seen.count
    }

    static func exact(_ money: Money) -> Rational { Rational(Int128(money.minor)) }

    static func money(_ minor: Rational, _ parcel: ExportParcel) -> Money {
        Money(minor: minor.roundedHalfUp(), parcel.destination.currency)
    }

    static func validate(_ parcel: ExportParcel) {
        let currency = parcel.destination.currency
        precondition(!parcel.lines.isEmpty, "an export parcel needs at least one line")
        for line in parcel.lines {
            precondition(line.quantity >= 1, "\(line.sku): quantity must be at least 1")
            precondition(line.unitPrice.currency == currency && line.unitPrice.minor >= 0,
                         "\(line.sku): price must be \(currency), not negative")
        }
        precondition(parcel.shipping.currency == currency && parcel.shipping.minor >= 0,
                     "shipping must be \(currency), not negative")
    }
}
