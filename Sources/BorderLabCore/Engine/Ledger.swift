/// The accounts of the shop's double-entry ledger. Their names are part of the SQL contract.
public enum Account: UInt8, CaseIterable, Sendable, Codable, Comparable {
    case cash
    case receivable
    case inventory
    case equity
    case revenue
    case cogs
    case taxPayable
    case freightExpense
    case paymentFees
    case fxClearing
    case storageFees
    case customsCharges
    case chargebackLosses
    case disputeFees
    case salesReturns
    case writeOffs
    case fines
    case serviceCosts
    case feeRevenue
    case supplierPayable
    case marketingExpense
    case marketplaceFees

    public static func < (l: Account, r: Account) -> Bool { l.rawValue < r.rawValue }

    /// The name students see in `ledger.account`.
    public var name: String {
        switch self {
        case .cash: "cash"
        case .receivable: "receivable"
        case .inventory: "inventory"
        case .equity: "equity"
        case .revenue: "revenue"
        case .cogs: "cogs"
        case .taxPayable: "tax_payable"
        case .freightExpense: "freight_expense"
        case .paymentFees: "payment_fees"
        case .fxClearing: "fx_clearing"
        case .storageFees: "storage_fees"
        case .customsCharges: "customs_charges"
        case .chargebackLosses: "chargeback_losses"
        case .disputeFees: "dispute_fees"
        case .salesReturns: "sales_returns"
        case .writeOffs: "write_offs"
        case .fines: "fines"
        case .serviceCosts: "service_costs"
        case .feeRevenue: "fee_revenue"
        case .supplierPayable: "supplier_payable"
        case .marketingExpense: "marketing_expense"
        case .marketplaceFees: "marketplace_fees"
        }
    }

    /// What the account holds, for `sql --schema`.
    public var meaning: String {
        switch self {
        case .cash: "money the shop holds, per currency (may go below zero only through obligations)"
        case .receivable: "customer payments captured by a payment provider and not yet settled"
        case .inventory: "goods owned (in warehouses or in transit), at landed cost (goods, freight, insurance, import duty) in the home currency"
        case .equity: "the owner's starting capital"
        case .revenue: "sales, net of tax, in the currency the customer paid"
        case .cogs: "cost of goods sold, at landed cost in the home currency"
        case .taxPayable: "taxes collected from customers (CBEC tax, VAT, duty) until remitted at settlement"
        case .freightExpense: "carrier charges for parcels to customers"
        case .paymentFees: "payment providers' fees"
        case .fxClearing: "the other side of every currency conversion; one balance per currency"
        case .storageFees: "warehouse storage fees (bonded zone, overseas-warehouse tiers by age of stock)"
        case .customsCharges: "customs inspection and hold charges, document corrections"
        case .chargebackLosses: "customer payments (goods and tax) taken back by chargebacks"
        case .disputeFees: "providers' fees per dispute, and dispute-monitor penalties"
        case .salesReturns: "refunds of goods to customers (returns, tickets, lost and seized parcels), a reduction of revenue; customers' tax comes back to them from the authority"
        case .writeOffs: "landed cost of units written off: lost, seized, damaged, counterfeit, used in inspection"
        case .fines: "penalties from the regulator"
        case .serviceCosts: "supplier verification, quality inspection, resends and return shipping"
        case .feeRevenue: "income that is not a sale of own goods: service fees, commissions, platform fees"
        case .supplierPayable: "money collected for suppliers' goods and owed to them (platform and direct-delivery modes)"
        case .marketingExpense: "traffic bought (paid marketing, a rebate site's ads) and rebates paid to shoppers (shopping-guide mode)"
        case .marketplaceFees: "the cross-border marketplace's commission on each sale and its annual service fee (self-operated B2C)"
        }
    }
}

/// Why a journal entry was made; rendered into `ledger.memo` by the projection.
public enum EntryKind: UInt8, Sendable, Codable {
    case openingCapital, purchase, sale, shipping, settlement
    case storage, customs, chargeback, dispute, refund, writeOff, fine, service, fee, conversion, commission, supplierPayment
    /// A card network's penalty for an excessive dispute ratio (reference: the `dispute_monitor` row).
    case disputePenalty
    // Finer kinds, so each line of the profit and loss can be traced to its cause in the `ledger` table's memo.
    /// A platform's monthly running cost (reference: the day it was paid).
    case platformRunningCost
    /// Onboarding a direct-delivery supplier (reference: the agreement number).
    case supplierOnboarding
    /// Checking a supplier's qualification documents (reference: the check number).
    case supplierVerification
    /// The inspection fee of a purchase order's batch (reference: the purchase order).
    case batchInspection
    /// Units taken from stock as inspection samples (reference: the lot).
    case inspectionSamples
    /// Goods and parcel of a replacement sent for a ticket (reference: the order).
    case resend
    /// A returned parcel's freight and the returned goods that cannot be sold again (reference: the order).
    case returnCosts
    /// Goods seized by customs (reference: the lot).
    case seizedGoods
    /// Goods in a parcel lost on the way (reference: the lot).
    case lostGoods
    /// A rebate site's bought traffic for the day (reference: the day).
    case adSpend
    /// A merchant reversing a rebate commission for a fake order (reference: the attribution).
    case commissionReversal
    /// A B2B platform member's registration fee (reference: the member).
    case registrationFee
    /// The marketplace's commission on a sale (reference: the order).
    case marketplaceCommission
    /// The marketplace's annual service fee (reference: the year of trading, 1 for the first).
    case marketplaceFee
    /// Paid marketing for the day (reference: the day).
    case marketing
}

/// One journal line. Amounts are minor units of `currency`; one of debit and credit is zero.
public struct LedgerLine: Sendable, Hashable {
    public let entry: Int32
    public let day: Int32
    public let account: Account
    public let debit: Int64
    public let credit: Int64
    public let currency: Currency
    public let kind: EntryKind
    /// The id of the purchase order, order or payment the entry belongs to.
    public let reference: Int32
}

/// The journal: append-only, each entry balanced in every currency it touches.
public struct Ledger: Sendable {
    public private(set) var lines: [LedgerLine] = []
    public private(set) var entryCount: Int32 = 0
    /// Running balances (debit − credit) by account and currency: `balances[account][currency]`.
    private var balances = [Int64](repeating: 0, count: Account.allCases.count * Ledger.currencies)
    private static let currencies = 6

    public init() {}

    /// Makes room for `count` more lines, so a long simulation does not copy the journal as it grows.
    public mutating func reserve(_ count: Int) { lines.reserveCapacity(lines.count + count) }

    /// Posts one entry from (account, amount) legs: a positive amount is a debit, a negative one a credit.
    ///
    /// - Precondition: the legs balance in every currency (a programming error otherwise, never user input).
    @inline(__always)
    public mutating func post(day: Int, kind: EntryKind, reference: Int, _ legs: (Account, Money)...) {
        open()
        for (account, amount) in legs { line(account, amount, day: day, kind: kind, reference: reference) }
        close()
    }

    /// Open-entry state for the fixed-arity posting used on the engine's hot path.
    private var pending = (Int64(0), Int64(0), Int64(0), Int64(0), Int64(0), Int64(0))

    /// Starts a journal entry whose lines follow through ``line(_:_:day:kind:reference:)``; close it with ``close()``.
    ///
    /// The hot path (an order every few microseconds) uses this instead of the variadic ``post(day:kind:reference:_:)``,
    /// which allocates an array per call.
    @inline(__always)
    public mutating func open() { entryCount += 1 }

    /// Adds one line to the open entry: a positive amount is a debit, a negative one a credit.
    @inline(__always)
    public mutating func line(_ account: Account, _ amount: Money, day: Int, kind: EntryKind, reference: Int) {
        guard amount.minor != 0 else { return }
        lines.append(LedgerLine(entry: entryCount, day: Int32(day), account: account,
                                debit: max(amount.minor, 0), credit: max(-amount.minor, 0),
                                currency: amount.currency, kind: kind, reference: Int32(reference)))
        balances[Int(account.rawValue) * Ledger.currencies + FXRates.index(amount.currency)] += amount.minor
        switch amount.currency {
        case .CNY: pending.0 += amount.minor
        case .USD: pending.1 += amount.minor
        case .EUR: pending.2 += amount.minor
        case .JPY: pending.3 += amount.minor
        case .GBP: pending.4 += amount.minor
        case .AUD: pending.5 += amount.minor
        }
    }

    /// Closes the open entry. - Precondition: it balances in every currency.
    @inline(__always)
    public mutating func close() {
        precondition(pending == (0, 0, 0, 0, 0, 0), "unbalanced journal entry \(entryCount)")
    }

    /// The balance (debits − credits) of an account in one currency.
    public func balance(_ account: Account, _ currency: Currency) -> Money {
        Money(minor: balances[Int(account.rawValue) * Ledger.currencies + FXRates.index(currency)], currency)
    }

    /// Σ debits − Σ credits for one currency over the whole journal: zero when the books balance.
    public func imbalance(_ currency: Currency) -> Int64 {
        lines.reduce(0) { $1.currency == currency ? $0 + $1.debit - $1.credit : $0 }
    }
}
