/// One line of a CBEC retail import order: what the consumer buys and how China taxes it.
public struct CBECLine: Sendable, Hashable {
    public let sku: String
    public let taxClass: TaxClass
    /// On the CBEC positive list; an order with an unlisted line is not CBEC retail.
    public let positiveList: Bool
    /// Units bought (at least 1).
    public let quantity: Int
    /// Retail price per unit, in CNY.
    public let unitPrice: Money
    /// The good's 6-digit subheading: it scopes consumption tax.
    public let hsSubheading: String
    /// Net content of one unit (cosmetics' price line is per ml, g or piece); nil counts the unit as one piece.
    public let content: NetContent?

    public init(sku: String, taxClass: TaxClass, positiveList: Bool, quantity: Int, unitPrice: Money,
                hsSubheading: String? = nil, content: NetContent? = nil) {
        self.sku = sku
        self.taxClass = taxClass
        self.positiveList = positiveList
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.hsSubheading = hsSubheading ?? taxClass.hsSubheading
        self.content = content
    }

    /// Price × quantity.
    public var goodsValue: Money { unitPrice * quantity }
}

/// A consumer's CBEC retail import order (one transaction), all amounts in CNY.
public struct CBECOrder: Sendable, Hashable {
    /// The day the order is declared; it picks the rules in force.
    public let date: SimDate
    public let lines: [CBECLine]
    public let freight: Money
    public let insurance: Money
    /// Dutiable value the customer has already imported through CBEC this calendar year.
    public let customerYearToDate: Money

    public init(date: SimDate, lines: [CBECLine], freight: Money, insurance: Money, customerYearToDate: Money) {
        self.date = date
        self.lines = lines
        self.freight = freight
        self.insurance = insurance
        self.customerYearToDate = customerYearToDate
    }

    /// Goods + freight + insurance: the completed price that both limits and the tax base use.
    public var dutiableValue: Money {
        lines.reduce(freight + insurance) { $0 + $1.goodsValue }
    }
}

/// The statutory rates a sale was taxed at, in basis points, as orders record them: VAT (or GST, or Japan's
/// consumption tax), China's consumption tax, and the tariff or duty (with any surcharge on the origin).
public struct AppliedRates: Sendable, Hashable {
    public let vatBP: Int
    public let consumptionBP: Int
    public let tariffBP: Int

    public init(vatBP: Int, consumptionBP: Int = 0, tariffBP: Int = 0) {
        self.vatBP = vatBP
        self.consumptionBP = consumptionBP
        self.tariffBP = tariffBP
    }

    public static let none = AppliedRates(vatBP: 0)
}

/// How customs treats a CBEC order.
public enum CBECVerdict: Sendable, Equatable {
    /// Within the limits: tariff 0%, VAT and consumption tax at 70% of the statutory amounts.
    case retail(tax: Money, dutiableValue: Money)
    /// Exactly one unit above the per-transaction limit, customer within the annual limit: full tariff, VAT
    /// and consumption tax (the tariff in the base of the other two); it counts toward the annual total.
    case singleItemFullDuty(tax: Money, dutiableValue: Money)
    /// Not CBEC retail; the reason says why and what to do.
    case refused(CBECRefusal)
}

/// Why an order cannot clear as CBEC retail.
public enum CBECRefusal: Sendable, Equatable, CustomStringConvertible {
    case offPositiveList(sku: String)
    case multiItemOverTransactionLimit(dutiableValue: Money, limit: Money)
    case overAnnualLimit(yearToDate: Money, dutiableValue: Money, limit: Money)

    /// One sentence: what went wrong and how to fix it.
    public var description: String {
        switch self {
        case .offPositiveList(let sku):
            return "\(sku) is not on China's CBEC positive list, so the order cannot clear as a cross-border retail import; remove that item or import it through general trade."
        case .multiItemOverTransactionLimit(let value, let limit):
            return "The order's dutiable value (goods + freight + insurance) is \(value), above the \(limit) per-transaction limit, and it holds more than one item, so it is not CBEC retail; split it into orders of at most \(limit) each."
        case .overAnnualLimit(let yearToDate, let value, let limit):
            let room = yearToDate < limit ? limit - yearToDate : Money.zero(limit.currency)
            return "This customer has already imported \(yearToDate) this year, and this order's dutiable value of \(value) would pass the \(limit) annual CBEC limit, so it is not CBEC retail; keep the order at or below \(room) or import it through general trade."
        }
    }
}

/// China's tax on cross-border e-commerce retail imports (DOMAIN.md), with every figure from ``RuleBook``.
///
/// The tax is computed exactly (``Rational``) over the whole order and rounded once, half-up, to 0.01 CNY,
/// so two lines never pick up two roundings.
public enum CBECImportTax {
    /// Judges `order` against the CBEC rules in force on its date.
    ///
    /// Checks in order: positive list, annual limit (year to date + this dutiable value must not exceed it),
    /// per-transaction limit (above it only a single unit may clear, at full duty).
    /// - Precondition: at least one line, quantities ≥ 1, amounts in CNY and not negative, and a date on or
    ///   after 2016-04-08 (before it, the CBEC retail regime did not exist).
    /// - Parameter override: limits set by an instructor's event instead of the rule book's (nil: the rule book's).
    public static func assess(_ order: CBECOrder, limits override: CBECLimits? = nil) -> CBECVerdict {
        validate(order)
        guard let limits = override ?? RuleBook.cbecLimits.value(on: order.date),
              let terms = RuleBook.cbecRetailTerms.value(on: order.date) else {
            preconditionFailure("no CBEC retail rule in force on \(order.date); the regime starts on 2016-04-08")
        }
        if let unlisted = order.lines.first(where: { !$0.positiveList }) {
            return .refused(.offPositiveList(sku: unlisted.sku))
        }
        let value = order.dutiableValue
        if order.customerYearToDate + value > limits.annual {
            return .refused(.overAnnualLimit(yearToDate: order.customerYearToDate, dutiableValue: value, limit: limits.annual))
        }
        let units = order.lines.reduce(0) { $0 + $1.quantity }
        if value > limits.perTransaction {
            guard units == 1 else {
                return .refused(.multiItemOverTransactionLimit(dutiableValue: value, limit: limits.perTransaction))
            }
            let full = statutoryTax(base: exact(value), rates: lineRates(order, limits: limits)[0])
            return .singleItemFullDuty(tax: cny(full.total), dutiableValue: value)
        }
        let share = Rational(basisPoints: terms.vatAndConsumptionShareBP)
        var tax = Rational.zero
        for (rates, base) in zip(lineRates(order, limits: limits), lineBases(order)) {
            let statutory = statutoryTax(base: base, rates: rates)
            tax = tax + statutory.tariff + share * (statutory.consumption + statutory.vat)
        }
        return .retail(tax: cny(tax), dutiableValue: value)
    }

    /// The statutory rates each line pays on the order's date: VAT of its band then, consumption tax by its
    /// subheading and dutiable value per unit, and the tariff (0 within the limits; the MFN rate of its class for a
    /// single item above the per-transaction limit). Orders record these.
    /// - Precondition: as for ``assess(_:limits:)``.
    /// - Parameter override: limits set by an instructor's event instead of the rule book's (nil: the rule book's), so
    ///   a single item above a lowered per-transaction limit records the tariff it paid.
    public static func lineRates(_ order: CBECOrder, limits override: CBECLimits? = nil) -> [AppliedRates] {
        validate(order)
        guard let limits = override ?? RuleBook.cbecLimits.value(on: order.date),
              let terms = RuleBook.cbecRetailTerms.value(on: order.date) else {
            preconditionFailure("no CBEC retail rule in force on \(order.date); the regime starts on 2016-04-08")
        }
        let singleItem = order.dutiableValue > limits.perTransaction
        return zip(order.lines, lineBases(order)).map { line, base in
            let unitBase = base / Rational(Int128(line.quantity))
            let ct = RuleBook.cnConsumptionTaxBP(hs: line.hsSubheading, content: line.content, unitBase: unitBase, on: order.date)
            return AppliedRates(vatBP: RuleBook.chinaVATBP(for: line.taxClass, on: order.date), consumptionBP: ct.rateBP,
                                tariffBP: singleItem ? line.taxClass.tariffBP : terms.tariffBP)
        }
    }

    /// The statutory amounts on one base, in fen, unrounded.
    struct Statutory {
        let tariff: Rational
        let consumption: Rational
        let vat: Rational
        var total: Rational { tariff + consumption + vat }
    }

    /// Tariff = base × tariff; CT = (base + tariff) × ct / (1 − ct); VAT = (base + tariff + CT) × vat.
    static func statutoryTax(base: Rational, rates: AppliedRates) -> Statutory {
        precondition((0..<10_000).contains(rates.consumptionBP), "consumption tax must be below 100%")
        let tariff = base * Rational(basisPoints: rates.tariffBP)
        let ct = (base + tariff) * Rational(Int128(rates.consumptionBP), Int128(10_000 - rates.consumptionBP))
        let vat = (base + tariff + ct) * Rational(basisPoints: rates.vatBP)
        return Statutory(tariff: tariff, consumption: ct, vat: vat)
    }

    /// Each line's share of the dutiable value, in fen: its goods plus freight and insurance pro rata to goods value.
    static func lineBases(_ order: CBECOrder) -> [Rational] {
        let goods = order.lines.map(\.goodsValue.minor)
        let extras = ProRata.split(exact(order.freight + order.insurance), weights: goods)
        return zip(goods, extras).map { Rational(Int128($0)) + $1 }
    }

    static func exact(_ money: Money) -> Rational { Rational(Int128(money.minor)) }

    static func cny(_ fen: Rational) -> Money { Money(minor: fen.roundedHalfUp(), .CNY) }

    static func validate(_ order: CBECOrder) {
        precondition(!order.lines.isEmpty, "a CBEC order needs at least one line")
        for line in order.lines {
            precondition(line.quantity >= 1, "\(line.sku): quantity must be at least 1")
            precondition(line.unitPrice.currency == .CNY && line.unitPrice.minor >= 0, "\(line.sku): price must be CNY, not negative")
        }
        for amount in [order.freight, order.insurance, order.customerYearToDate] {
            precondition(amount.currency == .CNY && amount.minor >= 0, "CBEC amounts must be CNY, not negative: \(amount)")
        }
    }
}

/// Exact pro-rata allocation, shared by the import and export tax computations.
enum ProRata {
    /// Splits `total` over `weights` in proportion, exactly; equal parts when every weight is zero.
    static func split(_ total: Rational, weights: [Int64]) -> [Rational] {
        let sum = weights.reduce(Int64(0), +)
        if sum == 0 {
            let share = weights.isEmpty ? Rational.zero : total / Rational(Int128(weights.count))
            return weights.map { _ in share }
        }
        return weights.map { total * Rational(Int128($0), Int128(sum)) }
    }
}
