import ArgumentParser
import BorderLabCore
import Foundation

extension BorderLab {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", 
            abstract: "Show the shop at a glance: day, cash, stock, open orders and KPIs.",
            discussion: "With --json, prints one object; its keys are documented in the README.")

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let report = world.statusReport()
            if json { print(Terminal.json(report)); return }
            print(StatusText.render(report, world: world))
        }
    }
}

/// The human form of ``StatusReport``.
enum StatusText {
    static func render(_ r: StatusReport, world: World) -> String {
        func m(_ money: MoneyJSON) -> String {
            Terminal.money(Money(minor: money.minor, Currency(rawValue: money.currency) ?? .CNY))
        }
        var lines: [String] = []
        lines.append("BorderLab · \(r.scenario) · \(r.mode) · seed \(r.seed) · day \(r.day) (\(r.date))")
        lines.append("Cash        " + r.cash.map(m).joined(separator: ", ") + (r.cashNegative ? "   ⚠ below zero" : ""))
        let owed = [("owed to you", r.receivable), ("owed to suppliers", r.supplierPayable), ("tax to remit", r.taxPayable)]
            .filter { !$0.1.isEmpty }.map { "\($0.0) " + $0.1.map(m).joined(separator: ", ") }
        if !owed.isEmpty { lines.append("Balances    " + owed.joined(separator: "; ")) }
        if world.mode.sellsRetail || world.mode == .rebate {
            if world.mode.holdsStock {
                lines.append("Stock       \(r.stockOnHandUnits) units on hand, \(r.stockInTransitUnits) in transit (value \(m(r.inventoryValue)))")
            }
            lines.append("Listings    \(r.listingsActive) active")
            lines.append("Orders      \(r.ordersTotal) total, \(r.openOrders) open (shipped, not yet delivered), \(r.unitsSold) units sold")
            lines.append("Visits      \(r.visits), conversion \(Terminal.percent(r.conversionRate))")
        }
        lines.append("Revenue     \(m(r.revenue)) net of tax; gross profit \(m(r.grossProfit)) (\(Terminal.percent(r.grossMarginRate)))")
        if let days = r.averageDeliveryDays, let onTime = r.onTimeRate {
            lines.append("Delivery    \(Terminal.decimal(days)) days on average, \(Terminal.percent(onTime)) within the promise")
        }
        if let rating = r.averageRating {
            lines.append("Rating      \(Terminal.decimal(rating, places: 2)) stars from \(Terminal.count(r.reviews, "review"))")
        }
        if r.stockouts > 0 || r.refusedByCustoms > 0 {
            lines.append("Lost sales  \(r.stockouts) to stock-outs, \(r.refusedByCustoms) refused by China's CBEC limits")
        }
        if r.declinedAtVerification > 0 {
            lines.append("Verified    \(r.declinedAtVerification) checkouts stopped at the shop's extra verification")
        }
        let v = r.serviceKPIs
        if v.openTickets > 0 || v.slaBreaches > 0 {
            lines.append("Service     \(Terminal.count(v.openTickets, "open ticket")) (\(v.overdueTickets) overdue: `borderlab tickets list`), \(Terminal.count(v.slaBreaches, "SLA breach", plural: "SLA breaches")) so far")
        }
        if v.heldParcels > 0 || v.parcelsLost > 0 || v.parcelsSeized > 0 || v.returnsReceived > 0 {
            lines.append("Parcels     \(Terminal.count(v.heldParcels, "parcel")) held by customs now (`borderlab customs list`), \(v.parcelsLost) lost, \(v.parcelsSeized) seized, \(v.returnsReceived) returned")
        }
        if v.chargebacks > 0 || v.regulatorActions > 0 {
            lines.append("Risk        \(Terminal.count(v.chargebacks, "chargeback")) (`borderlab risk show`), \(Terminal.count(v.regulatorActions, "regulator action"))")
        }
        let k = r.modeKPIs
        switch world.mode {
        case .directDelivery:
            lines.append("Platform    \(Terminal.count(k.supplyAgreements, "supply agreement"))")
        case .b2bPlatform:
            lines.append("Platform    \(Terminal.count(k.platformSuppliers, "supplier")) and \(Terminal.count(k.platformBuyers, "buyer")) are members; \(Terminal.count(k.platformTrades, "trade")) worth \(m(k.platformGMV))")
        case .rebate:
            let fake = world.modeBook.attributions.count - k.attributedSales
            lines.append("Traffic     \(Terminal.count(k.attributedSales, "attributed sale")) (plus \(Terminal.count(fake, "fake order")) from bot clicks, reversed by merchants after 30 days); \(Terminal.count(k.boughtClicks, "click")) bought, \(k.botClicks) by bots; \(Terminal.count(k.reversedCommissions, "commission")) reversed")
        default:
            break
        }
        lines.append("")
        lines.append("Profit and loss since day 0 (\(r.profitAndLoss.currency), each line at its day's rate)")
        let home = Currency(rawValue: r.profitAndLoss.currency) ?? .CNY
        for (label, amount) in r.profitAndLoss.lines where amount != 0 {
            lines.append("  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + Terminal.money(Money(minor: amount, home)))
        }
        lines.append("  " + "Net profit".padding(toLength: 24, withPad: " ", startingAt: 0)
                     + Terminal.money(Money(minor: r.profitAndLoss.netProfit, home)))
        return lines.joined(separator: "\n")
    }
}
