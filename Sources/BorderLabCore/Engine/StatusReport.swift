/// An amount in JSON: integer minor units plus a currency (DESIGN.md CLI conventions).
public struct MoneyJSON: Encodable, Sendable, Equatable {
    public let minor: Int64
    public let currency: String
    public init(_ money: Money) { minor = money.minor; currency = money.currency.rawValue }
}

/// The shop at a glance: what `borderlab status` prints and `status --json` returns (keys documented in the README).
public struct StatusReport: Encodable, Sendable {
    public let formatVersion: Int
    public let seed: UInt64
    public let scenario: String
    public let mode: String
    public let day: Int
    public let date: String
    public let homeCurrency: String
    /// Cash per currency (every currency the shop has touched).
    public let cash: [MoneyJSON]
    /// True when some currency's cash is below zero (obligations pushed it there).
    public let cashNegative: Bool
    /// Money owed to the shop per currency: payment providers' settlements not yet paid out, merchants' commissions.
    public let receivable: [MoneyJSON]
    /// Money the shop holds for others per currency: suppliers' share of direct-delivery sales awaiting the weekly payout.
    public let supplierPayable: [MoneyJSON]
    /// Tax collected at checkout and not yet remitted, per currency.
    public let taxPayable: [MoneyJSON]
    public let stockOnHandUnits: Int
    public let stockInTransitUnits: Int
    public let inventoryValue: MoneyJSON
    public let listingsActive: Int
    public let openOrders: Int
    public let ordersTotal: Int
    public let unitsSold: Int
    public let visits: Int
    public let conversionRate: Double
    public let revenue: MoneyJSON
    public let grossProfit: MoneyJSON
    public let grossMarginRate: Double
    public let onTimeRate: Double?
    public let averageDeliveryDays: Double?
    public let averageRating: Double?
    public let reviews: Int
    public let stockouts: Int
    public let refusedByCustoms: Int
    public let declinedAtVerification: Int
    /// Profit and loss from the ledger, in the home currency.
    public let profitAndLoss: ProfitAndLoss
    /// What the shop's mode adds (agreements, platform members and trades, rebate clicks).
    public let modeKPIs: ModeKPIs
    /// Customer service, customs and payment risk at a glance.
    public let serviceKPIs: ServiceKPIs

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", seed, scenario, mode, day, date
        case homeCurrency = "home_currency", cash, cashNegative = "cash_negative"
        case receivable, supplierPayable = "supplier_payable", taxPayable = "tax_payable"
        case stockOnHandUnits = "stock_on_hand_units", stockInTransitUnits = "stock_in_transit_units"
        case inventoryValue = "inventory_value", listingsActive = "listings_active", openOrders = "open_orders"
        case ordersTotal = "orders_total", unitsSold = "units_sold", visits, conversionRate = "conversion_rate"
        case revenue, grossProfit = "gross_profit", grossMarginRate = "gross_margin_rate", onTimeRate = "on_time_rate"
        case averageDeliveryDays = "average_delivery_days", averageRating = "average_rating", reviews, stockouts
        case refusedByCustoms = "refused_by_customs", declinedAtVerification = "declined_at_verification"
        case profitAndLoss = "profit_and_loss", modeKPIs = "mode_kpis", serviceKPIs = "service_kpis"
    }
}

/// Service, customs and risk figures of `status`.
public struct ServiceKPIs: Encodable, Sendable {
    /// Tickets waiting for the shop, and of those past their reply deadline.
    public let openTickets: Int
    public let overdueTickets: Int
    /// Tickets whose SLA (reply in 1 day, resolve in 3) was missed, since the start.
    public let slaBreaches: Int
    /// Parcels customs holds now.
    public let heldParcels: Int
    /// Returns received, and lost or seized parcels, since the start.
    public let returnsReceived: Int
    public let parcelsLost: Int
    public let parcelsSeized: Int
    /// Chargebacks since the start (fraud and genuine disputes).
    public let chargebacks: Int
    /// Suppliers the shop verified, and regulator actions against it.
    public let suppliersVerified: Int
    public let regulatorActions: Int

    enum CodingKeys: String, CodingKey {
        case openTickets = "open_tickets", overdueTickets = "overdue_tickets", slaBreaches = "sla_breaches"
        case heldParcels = "held_parcels", returnsReceived = "returns_received", parcelsLost = "parcels_lost"
        case parcelsSeized = "parcels_seized", chargebacks, suppliersVerified = "suppliers_verified"
        case regulatorActions = "regulator_actions"
    }
}

/// Mode-specific figures of `status`; zero where the mode does not have them.
public struct ModeKPIs: Encodable, Sendable {
    public let supplyAgreements: Int
    public let platformSuppliers: Int
    public let platformBuyers: Int
    public let platformTrades: Int
    public let platformGMV: MoneyJSON
    public let attributedSales: Int
    public let reversedCommissions: Int
    public let boughtClicks: Int
    public let botClicks: Int

    enum CodingKeys: String, CodingKey {
        case supplyAgreements = "supply_agreements", platformSuppliers = "platform_suppliers", platformBuyers = "platform_buyers"
        case platformTrades = "platform_trades", platformGMV = "platform_gmv", attributedSales = "attributed_sales"
        case reversedCommissions = "reversed_commissions", boughtClicks = "bought_clicks", botClicks = "bot_clicks"
    }
}

extension World {
    /// The shop's KPIs today. Revenue is sales net of tax plus fee revenue less returns, converted to the home currency
    /// at each day's mid rate; gross profit is revenue less landed cost of goods sold, parcel freight and payment fees.
    public func statusReport() -> StatusReport {
        let home = scenario.homeCurrency
        let cash = Currency.allCases.filter { $0 == home || ledger.balance(.cash, $0).minor != 0 }.map { ledger.balance(.cash, $0) }
        var deliveredDays = 0, delivered = 0, onTime = 0
        for order in orders {
            if let d = order.deliveredDay {
                delivered += 1
                deliveredDays += d - order.day
                if d - order.day <= order.promisedDays { onTime += 1 }
            }
        }
        // Revenue and gross profit from the ledger, so agent modes (commissions) and returns count as they should.
        let pl = profitAndLoss()
        let revenue = Money(minor: pl.sales + pl.feeRevenue - pl.salesReturns, home)
        let visits = dayStats.reduce(0) { $0 + $1.visits }
        let stars = reviews.reduce(0) { $0 + $1.stars }
        let profit = revenue - Money(minor: pl.costOfGoodsSold + pl.freight + pl.paymentFees, home)
        return StatusReport(
            formatVersion: header.formatVersion, seed: header.seed, scenario: header.scenario, mode: header.mode,
            day: day, date: date().iso, homeCurrency: home.rawValue, cash: cash.map(MoneyJSON.init),
            cashNegative: cash.contains { $0.minor < 0 },
            receivable: balances(.receivable, sign: 1), supplierPayable: balances(.supplierPayable, sign: -1),
            taxPayable: balances(.taxPayable, sign: -1),
            stockOnHandUnits: lots.reduce(0) { $0 + $1.onHand }, stockInTransitUnits: lots.reduce(0) { $0 + $1.inTransit },
            inventoryValue: MoneyJSON(ledger.balance(.inventory, home)),
            listingsActive: listings.filter(\.active).count,
            openOrders: orders.filter { $0.status == .shipped }.count, ordersTotal: orders.count,
            unitsSold: orders.reduce(0) { $0 + $1.quantity }, visits: visits,
            conversionRate: visits == 0 ? 0 : Double(orders.count) / Double(visits),
            revenue: MoneyJSON(revenue), grossProfit: MoneyJSON(profit),
            grossMarginRate: revenue.minor == 0 ? 0 : Double(profit.minor) / Double(revenue.minor),
            onTimeRate: delivered == 0 ? nil : Double(onTime) / Double(delivered),
            averageDeliveryDays: delivered == 0 ? nil : Double(deliveredDays) / Double(delivered),
            averageRating: reviews.isEmpty ? nil : Double(stars) / Double(reviews.count), reviews: reviews.count,
            stockouts: dayStats.reduce(0) { $0 + $1.stockouts }, refusedByCustoms: dayStats.reduce(0) { $0 + $1.refusedByCustoms },
            declinedAtVerification: dayStats.reduce(0) { $0 + $1.declinedAtVerification },
            profitAndLoss: pl, modeKPIs: modeKPIs(), serviceKPIs: serviceKPIs())
    }

    /// An account's non-zero balances per currency, signed so that what is owed reads positive
    /// (`sign` 1 for assets, -1 for liabilities, whose ledger balance is a credit).
    func balances(_ account: Account, sign: Int64) -> [MoneyJSON] {
        Currency.allCases.map { ledger.balance(account, $0) }.filter { $0.minor != 0 }
            .map { MoneyJSON(Money(minor: $0.minor * sign, $0.currency)) }
    }

    func serviceKPIs() -> ServiceKPIs {
        let open = serviceBook.tickets.filter { $0.status == .open }
        return ServiceKPIs(
            openTickets: open.count, overdueTickets: open.filter { $0.replyDay == nil && day > $0.replyDueDay }.count,
            slaBreaches: serviceBook.tickets.filter { $0.replyBreached || $0.resolveBreached }.count,
            heldParcels: customsBook.holds.filter { $0.status == .held }.count,
            returnsReceived: serviceBook.returns.filter(\.received).count,
            parcelsLost: orders.filter { $0.status == .lost }.count, parcelsSeized: orders.filter { $0.status == .seized }.count,
            chargebacks: riskBook.chargebacks.count, suppliersVerified: serviceBook.supplierChecks.count,
            regulatorActions: serviceBook.regulatorActions.count)
    }

    public func modeKPIs() -> ModeKPIs {
        let platform = modeBook.platform
        return ModeKPIs(
            supplyAgreements: modeBook.agreements.count, platformSuppliers: platform.activeSuppliers,
            platformBuyers: platform.activeBuyers, platformTrades: platform.trades.count,
            platformGMV: MoneyJSON(platform.trades.reduce(Money.zero(.USD)) { $0 + $1.value }),
            attributedSales: modeBook.attributions.filter { $0.orderID != 0 }.count,
            reversedCommissions: modeBook.attributions.filter { $0.status == .reversed }.count,
            boughtClicks: modeBook.traffic.reduce(0) { $0 + $1.clicks }, botClicks: modeBook.traffic.reduce(0) { $0 + $1.botClicks })
    }
}
