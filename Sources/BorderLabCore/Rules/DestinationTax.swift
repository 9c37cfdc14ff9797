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
    /// The VAT and duty rates of the parcel's first line (the engine's parcels hold one SKU), as orders record
    /// them; 0 where the scheme exempts. A flat per-subheading duty records tariff 0.
    public let rates: AppliedRates

    public init(vat: Money, duty: Money, scheme: String, collectedAtCheckout: Bool, rates: AppliedRates = .none) {
        self.vat = vat
        self.duty = duty
        self.scheme = scheme
        self.collectedAtCheckout = collectedAtCheckout
        self.rates = rates
    }

    /// Equal amounts, scheme and collection; the recorded rates are not compared (golden cases state amounts).
    public static func == (l: DestinationAssessment, r: DestinationAssessment) -> Bool {
        l.vat == r.vat && l.duty == r.duty && l.scheme == r.scheme && l.collectedAtCheckout == r.collectedAtCheckout
    }

    /// VAT + duty.
    public var total: Money { vat + duty }
}

/// Import tax and duty of the export destinations (DOMAIN.md), with every figure from ``RuleBook``.
///
/// Each amount is computed exactly and rounded once, half-up, to the destination currency's minor unit.
/// Where a VAT base includes duty (normal imports), it is the duty as assessed, i.e. rounded.
///
/// Not modelled: the UK before 2021-01-01 and Australia before 2018-07-01 (their older low-value reliefs): on such
/// dates every parcel is a normal import. Nor the US postal flat per-item duties, or sellers without IOSS.
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

    /// EU: from 2021-07-01 the IOSS up to 150 EUR intrinsic value (VAT on goods + shipping + any flat duty, which
    /// is part of the VAT base under the VAT Directive art. 86(1)(a)); before it, no VAT up to 22 EUR and no duty up
    /// to 150 EUR (VAT paid on delivery); else a normal import (duty by category on goods + shipping, VAT on goods +
    /// shipping + duty). VAT per line at the good's rate (reduced for food, supplements and formula where the rule
    /// book has a reduced row).
    static func eu(_ parcel: ExportParcel) -> DestinationAssessment {
        let goods = parcel.intrinsicValue
        let zero = Money.zero(.EUR)
        let firstVAT = euVATBP(parcel.destination, parcel.lines[0].category, on: parcel.date)
        if let ioss = RuleBook.euIOSS.value(on: parcel.date), ioss.admits(goods, origin: parcel.origin.code) {
            var duties = parcel.lines.map { _ in Rational.zero }
            if let flat = RuleBook.euFlatDuty.value(on: parcel.date), goods < flat.intrinsicLimit {
                duties = flatDutyShares(parcel, perSubheading: flat.perSubheading)
            }
            let duty = money(duties.reduce(.zero, +), parcel)
            let tax = money(euVATExact(parcel, duties: duties), parcel)
            return DestinationAssessment(vat: tax, duty: duty, scheme: "EU-IOSS", collectedAtCheckout: true,
                                         rates: AppliedRates(vatBP: firstVAT))
        }
        if RuleBook.euIOSS.value(on: parcel.date) == nil {
            if let exempt = RuleBook.euLowValue.value(on: parcel.date, key: "VAT"), exempt.admits(goods, origin: parcel.origin.code) {
                return DestinationAssessment(vat: zero, duty: zero, scheme: "EU-low-value-exempt", collectedAtCheckout: false)
            }
            if let relief = RuleBook.euLowValue.value(on: parcel.date, key: "DUTY"), relief.admits(goods, origin: parcel.origin.code) {
                let tax = money(euVATExact(parcel, duties: parcel.lines.map { _ in .zero }), parcel)
                return DestinationAssessment(vat: tax, duty: zero, scheme: "EU-duty-relief", collectedAtCheckout: false,
                                             rates: AppliedRates(vatBP: firstVAT))
            }
        }
        let dutyRate = RuleBook.dutySchedules.value(on: parcel.date, key: "EU")?.rateBP(for: parcel.lines[0].category) ?? 0
        let duties = lineDuties(parcel, jurisdiction: "EU", extraBP: { _ in 0 })
        let duty = money(duties.reduce(.zero, +), parcel)
        // The VAT base holds the duty as assessed (rounded), spread over the lines as assessed.
        let assessed = ProRata.split(exact(duty), weights: duties.map { $0.roundedHalfUp() })
        let tax = money(euVATExact(parcel, duties: assessed), parcel)
        return DestinationAssessment(vat: tax, duty: duty, scheme: "EU-import", collectedAtCheckout: false,
                                     rates: AppliedRates(vatBP: firstVAT, tariffBP: dutyRate))
    }

    /// The VAT rate of goods of `category` in EU country `destination` on `date`: the reduced rate for food,
    /// supplements and infant formula where the rule book has one, else the standard rate.
    public static func euVATBP(_ destination: Country, _ category: Category, on date: SimDate) -> Int {
        if reducedRateCategories.contains(category),
           let reduced = RuleBook.euVAT.value(on: date, key: destination.code + "-reduced") {
            return reduced.rateBP
        }
        guard let vat = RuleBook.euVAT.value(on: date, key: destination.code) else {
            preconditionFailure("no VAT rate for \(destination.code) on \(date)")
        }
        return vat.rateBP
    }

    /// Categories that are food for VAT purposes (reduced rates in Germany, France and Japan).
    static let reducedRateCategories: [Category] = [.infantFormula, .supplements]

    /// Σ (line goods + its shipping share + its duty) × its VAT rate, unrounded.
    static func euVATExact(_ parcel: ExportParcel, duties: [Rational]) -> Rational {
        let shipping = ProRata.split(exact(parcel.shipping), weights: parcel.lines.map(\.goodsValue.minor))
        var vat = Rational.zero
        for (index, line) in parcel.lines.enumerated() {
            let base = exact(line.goodsValue) + shipping[index] + duties[index]
            vat = vat + base * Rational(basisPoints: euVATBP(parcel.destination, line.category, on: parcel.date))
        }
        return vat
    }

    /// The flat duty of each distinct subheading, shared among its lines pro rata to their goods value.
    static func flatDutyShares(_ parcel: ExportParcel, perSubheading: Money) -> [Rational] {
        parcel.lines.map { line in
            let same = parcel.lines.filter { $0.hsSubheading == line.hsSubheading }
            let value = same.reduce(Int64(0)) { $0 + $1.goodsValue.minor }
            let share = value == 0 ? Rational(1, Int128(same.count)) : Rational(Int128(line.goodsValue.minor), Int128(value))
            return exact(perSubheading) * share
        }
    }

    /// US: de minimis while the parcel's origin still qualifies, else duty on the goods' value at the base rate
    /// plus Section 301 by category and the dated surcharges on the origin (IEEPA, Section 122). No federal VAT.
    static func us(_ parcel: ExportParcel) -> DestinationAssessment {
        let zero = Money.zero(.USD)
        if let deMinimis = RuleBook.usDeMinimis.value(on: parcel.date),
           deMinimis.admits(parcel.intrinsicValue, origin: parcel.origin.code) {
            return DestinationAssessment(vat: zero, duty: zero, scheme: "US-de-minimis", collectedAtCheckout: false)
        }
        let origin = parcel.origin.code
        let surcharge = RuleBook.usSurchargeBP(origin: origin, on: parcel.date)
        let extra: (Category) -> Int = { RuleBook.usSection301BP(category: $0, origin: origin, on: parcel.date) + surcharge }
        let duty = money(lineDuties(parcel, jurisdiction: "US", extraBP: extra).reduce(.zero, +), parcel)
        let base = RuleBook.dutySchedules.value(on: parcel.date, key: "US")?.rateBP(for: parcel.lines[0].category) ?? 0
        return DestinationAssessment(vat: zero, duty: duty, scheme: "US-formal", collectedAtCheckout: false,
                                     rates: AppliedRates(vatBP: 0, tariffBP: base + extra(parcel.lines[0].category)))
    }

    /// Japan: personal-use goods are valued at 60% of retail plus shipping; up to the small-value limit that value
    /// is free; above it, duty by category on it and consumption tax on value + duty (8% for food), paid on delivery.
    static func jp(_ parcel: ExportParcel) -> DestinationAssessment {
        let share = Rational(basisPoints: RuleBook.jpPersonalUseValueBP)
        let taxable = exact(parcel.intrinsicValue) * share + exact(parcel.shipping)
        if let small = RuleBook.jpSmallValue.value(on: parcel.date),
           small.admits(Money(minor: taxable.roundedHalfUp(), .JPY), origin: parcel.origin.code) {
            let zero = Money.zero(.JPY)
            return DestinationAssessment(vat: zero, duty: zero, scheme: "JP-small-exempt", collectedAtCheckout: false)
        }
        let schedule = RuleBook.dutySchedules.value(on: parcel.date, key: "JP")
        let shipping = ProRata.split(exact(parcel.shipping), weights: parcel.lines.map(\.goodsValue.minor))
        var dutyExact = Rational.zero
        var values: [Rational] = []
        for (index, line) in parcel.lines.enumerated() {
            let value = exact(line.goodsValue) * share + shipping[index]
            values.append(value)
            dutyExact = dutyExact + value * Rational(basisPoints: schedule?.rateBP(for: line.category) ?? 0)
        }
        let duty = money(dutyExact, parcel)
        // Consumption tax on value + duty as assessed, the duty spread over the lines pro rata to their value.
        let dutyShares = ProRata.split(exact(duty), weights: values.map { $0.roundedHalfUp() })
        var tax = Rational.zero
        for (index, line) in parcel.lines.enumerated() {
            tax = tax + (values[index] + dutyShares[index]) * Rational(basisPoints: jpConsumptionTaxBP(line.category, on: parcel.date))
        }
        let first = parcel.lines[0].category
        return DestinationAssessment(vat: money(tax, parcel), duty: duty, scheme: "JP-import", collectedAtCheckout: false,
                                     rates: AppliedRates(vatBP: jpConsumptionTaxBP(first, on: parcel.date),
                                                         tariffBP: schedule?.rateBP(for: first) ?? 0))
    }

    /// Japan's consumption tax on goods of `category` on `date`: the reduced rate for food, else the standard one.
    public static func jpConsumptionTaxBP(_ category: Category, on date: SimDate) -> Int {
        if reducedRateCategories.contains(category), let reduced = RuleBook.jpConsumptionTax.value(on: date, key: "reduced") {
            return reduced.rateBP
        }
        guard let ct = RuleBook.jpConsumptionTax.value(on: date) else {
            preconditionFailure("no Japanese consumption tax rule in force on \(date)")
        }
        return ct.rateBP
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
            return DestinationAssessment(vat: vat, duty: .zero(parcel.destination.currency), scheme: lowScheme, collectedAtCheckout: true,
                                         rates: AppliedRates(vatBP: tax.rateBP))
        }
        let duty = money(lineDuties(parcel, jurisdiction: jurisdiction, extraBP: { _ in 0 }).reduce(.zero, +), parcel)
        let vat = money(exact(goods + parcel.shipping + duty) * rate, parcel)
        let dutyRate = RuleBook.dutySchedules.value(on: parcel.date, key: jurisdiction)?.rateBP(for: parcel.lines[0].category) ?? 0
        return DestinationAssessment(vat: vat, duty: duty, scheme: importScheme, collectedAtCheckout: false,
                                     rates: AppliedRates(vatBP: tax.rateBP, tariffBP: dutyRate))
    }

    /// Each line's duty: its value × (category rate + `extraBP(category)`), in minor units, unrounded, with shipping
    /// allocated pro rata to goods value when the destination's customs value includes it.
    static func lineDuties(_ parcel: ExportParcel, jurisdiction: String, extraBP: (Category) -> Int) -> [Rational] {
        guard let schedule = RuleBook.dutySchedules.value(on: parcel.date, key: jurisdiction) else {
            preconditionFailure("no \(jurisdiction) duty schedule in force on \(parcel.date)")
        }
        let goods = parcel.lines.map(\.goodsValue.minor)
        let shipping = schedule.includesShipping ? exact(parcel.shipping) : .zero
        let shares = ProRata.split(shipping, weights: goods)
        return parcel.lines.enumerated().map { index, line in
            (Rational(Int128(goods[index])) + shares[index]) * Rational(basisPoints: schedule.rateBP(for: line.category) + extraBP(line.category))
        }
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
