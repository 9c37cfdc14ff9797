/// The shop's profit and loss from its ledger, in the home currency: every journal line of an income or expense
/// account converted at the mid rate of its own day, summed exactly and rounded once per line of the statement.
///
/// Foreign-currency lines (sales to US shoppers, storage fees in USD) count at the rate of the day they happened, and
/// the FX result collects what conversions gained or lost (bank spreads, rates that moved between sale and payout).
public struct ProfitAndLoss: Encodable, Sendable, Equatable {
    public let currency: String
    /// Sales of own goods, net of tax.
    public let sales: Int64
    /// Service fees, commissions and platform fees.
    public let feeRevenue: Int64
    public let salesReturns: Int64
    public let costOfGoodsSold: Int64
    public let freight: Int64
    public let paymentFees: Int64
    public let storageFees: Int64
    public let customsCharges: Int64
    public let chargebackLosses: Int64
    public let disputeFees: Int64
    public let writeOffs: Int64
    public let fines: Int64
    public let serviceCosts: Int64
    public let marketing: Int64
    /// The marketplace's commission and annual fee (self-operated B2C).
    public let marketplaceFees: Int64
    /// Gains (positive) or losses from currency conversions.
    public let fxResult: Int64
    /// sales + fee revenue − every cost above + FX result.
    public let netProfit: Int64

    enum CodingKeys: String, CodingKey {
        case currency, sales = "sales_minor", feeRevenue = "fee_revenue_minor", salesReturns = "sales_returns_minor"
        case costOfGoodsSold = "cogs_minor", freight = "freight_minor", paymentFees = "payment_fees_minor"
        case storageFees = "storage_fees_minor", customsCharges = "customs_charges_minor"
        case chargebackLosses = "chargeback_losses_minor", disputeFees = "dispute_fees_minor", writeOffs = "write_offs_minor"
        case fines = "fines_minor", serviceCosts = "service_costs_minor", marketing = "marketing_minor"
        case marketplaceFees = "marketplace_fees_minor"
        case fxResult = "fx_result_minor", netProfit = "net_profit_minor"
    }

    /// The statement's lines in order, for printing: (label, home minor units, true for income).
    public var lines: [(String, Int64)] {
        [("Sales (net of tax)", sales), ("Fee revenue", feeRevenue), ("Sales returns", -salesReturns),
         ("Cost of goods sold", -costOfGoodsSold), ("Parcel freight", -freight), ("Payment fees", -paymentFees),
         ("Storage fees", -storageFees), ("Customs charges", -customsCharges), ("Chargebacks", -chargebackLosses),
         ("Dispute fees", -disputeFees), ("Write-offs", -writeOffs), ("Fines", -fines), ("Service costs", -serviceCosts),
         ("Marketing and rebates", -marketing),
         ("Marketplace fees", -marketplaceFees), ("FX result", fxResult)]
    }
}

extension World {
    /// The profit and loss since day 0 (see ``ProfitAndLoss``).
    public func profitAndLoss() -> ProfitAndLoss {
        let totals = historicalTotals()
        func total(_ account: Account) -> Int64 { totals[Int(account.rawValue)] }
        let sales = -total(.revenue), fees = -total(.feeRevenue)
        let costs: [Account] = [.salesReturns, .cogs, .freightExpense, .paymentFees, .storageFees, .customsCharges,
                                .chargebackLosses, .disputeFees, .writeOffs, .fines, .serviceCosts, .marketingExpense, .marketplaceFees]
        let fx = -total(.fxClearing)
        let net = sales + fees + fx - costs.reduce(0) { $0 + total($1) }
        return ProfitAndLoss(
            currency: scenario.homeCurrency.rawValue, sales: sales, feeRevenue: fees, salesReturns: total(.salesReturns),
            costOfGoodsSold: total(.cogs), freight: total(.freightExpense), paymentFees: total(.paymentFees),
            storageFees: total(.storageFees), customsCharges: total(.customsCharges), chargebackLosses: total(.chargebackLosses),
            disputeFees: total(.disputeFees), writeOffs: total(.writeOffs), fines: total(.fines), serviceCosts: total(.serviceCosts),
            marketing: total(.marketingExpense), marketplaceFees: total(.marketplaceFees), fxResult: fx, netProfit: net)
    }

    /// Each account's lines, debit − credit, converted to the home currency at the mid rate of each line's day and
    /// rounded once per account (half-up): the P&L's figures, and the balance-sheet side that must mirror them.
    func historicalTotals() -> [Int64] {
        let home = scenario.homeCurrency
        // Exact to a millionth of a millionth of a minor unit: each foreign line is minor × mid_cur × homeMPM × 10¹² /
        // (mid_home × curMPM), truncated there, and the sum is rounded half-up once.
        var numerators = [Int128](repeating: 0, count: Account.allCases.count)
        let scale = Int128(1_000_000_000_000)
        for line in ledger.lines {
            let amount = Int128(line.debit - line.credit)
            guard amount != 0 else { continue }
            let a = Int(line.account.rawValue)
            if line.currency == home {
                numerators[a] += amount * scale
            } else {
                let r = fxHistory[Int(line.day)]
                numerators[a] += amount * Int128(r.mid(line.currency)) * Int128(home.minorPerMajor) * scale
                    / (Int128(r.mid(home)) * Int128(line.currency.minorPerMajor))
            }
        }
        return numerators.map { divideHalfUp($0, scale) }
    }
}
