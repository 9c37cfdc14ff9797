@testable import BorderLabCore
import Testing

/// `advance` that stops when the student is needed, and the standing rules that keep those stops few (issue 8, §2).
@Suite struct AdvanceStopTests {
    /// The rules a sensible service desk sets on day 0: every ticket kind answered as the customer needs, mismatch holds
    /// released, an alert when cash runs low.
    static let sensibleRules: [Action] = [
        .set(key: "tickets.policy.where-is-my-parcel", value: "explain"),
        .set(key: "tickets.policy.damaged", value: "refund"),
        .set(key: "tickets.policy.counterfeit", value: "refund"),
        .set(key: "tickets.policy.tax-question", value: "explain"),
        .set(key: "tickets.policy.customs-hold", value: "explain"),
        .set(key: "customs.policy", value: "release"),
        .set(key: "alerts.cash_below", value: "50000 CNY"),
    ]

    /// What a student does at a stop: on a stock-out, review the whole shelf and reorder, by each SKU's last route, about
    /// 90 days of sales for every SKU with less than 30 days left and nothing on its way; answer a ticket no rule could
    /// answer with a refund; release a hold.
    static func handle(_ attention: [World.Attention], in world: inout World) {
        for item in attention {
            switch item {
            case .stockOuts:
                let stock = world.stockBySKU()
                for listing in world.listings where listing.active {
                    let lots = world.lots.filter { $0.sku == listing.sku }
                    guard lots.allSatisfy({ $0.inTransit == 0 }),
                          let po = world.purchaseOrders.last(where: { $0.sku == listing.sku }) else { continue }
                    let perDay = Double(lots.reduce(0) { $0 + $1.sold }) / Double(max(1, world.day))
                    guard Double(stock[listing.sku] ?? 0) < 30 * perDay else { continue }
                    let quantity = max(po.quantity, Int(90 * perDay))
                    _ = try? world.apply(.buy(sku: listing.sku, quantity: quantity, channel: po.channel, customs: po.customs, warehouse: nil))
                }
            case .tickets(let ids):
                for id in ids { _ = try? world.apply(.replyTicket(id: id, action: .refund)) }
            case .holds(let ids):
                for id in ids { _ = try? world.apply(.releaseHold(id: id)) }
            case .cashBelow:
                break
            }
        }
    }

    /// Plays `days` days of a stocked cn-import shop (the tour's demo shop, listed at the going price) with the sensible
    /// rules and `marketing` as its daily paid-marketing budget, stopping whenever the student is needed; returns the
    /// world and the log of advances actually run.
    static func play(days: Int, seed: UInt64, customers: Int? = nil, marketing: String? = nil) throws -> (World, stops: Int, advances: [Int]) {
        var world = try World(header: WorldHeader(seed: seed, scenario: .cnImport, customers: customers))
        let campaign: [Action] = marketing.map { [.set(key: "marketing.daily_budget", value: $0)] } ?? []
        for action in world.demoShopActions() + sensibleRules + campaign { try world.apply(action) }
        var stops = 0, advances: [Int] = []
        while world.day < days {
            let result = try world.advance(upTo: days - world.day)
            advances.append(result.daysRun)
            if !result.attention.isEmpty {
                stops += 1
                handle(result.attention, in: &world)
            }
        }
        return (world, stops, advances)
    }

    /// A new shop earns its traffic slowly (README, "Calibration"): the claim is tested on a shop that trades at volume,
    /// a market of 10,000 shoppers and 100 CNY a day of paid marketing, so tickets, holds and stock-outs come often.
    @Test func sensibleRulesPlay180DaysInAtMost15Stops() throws {
        for seed: UInt64 in [1, 7, 42] {
            let (world, stops, advances) = try Self.play(days: 180, seed: seed, customers: 10_000, marketing: "100 CNY")
            #expect(world.day == 180)
            #expect(stops <= 15, "seed \(seed): \(stops) stops, advances \(advances)")
            #expect(world.orders.count > 1_000, "the shop traded")
            // The rules answered the tickets, on the day they arrived.
            let answered = world.serviceBook.tickets.filter(\.byPolicy)
            #expect(!answered.isEmpty)
            #expect(answered.allSatisfy { $0.replyDay == $0.day && !$0.replyBreached })
        }
    }

    @Test func aStoppedAdvanceIsReplayedByTheDaysItRan() throws {
        let header = WorldHeader(seed: 5, scenario: .cnImport, customers: 2_000)
        var world = try World(header: header)
        let opening = world.demoShopActions()
        for action in opening { try world.apply(action) }
        var logged = opening
        while world.day < 60 {
            let result = try world.advance(upTo: 60 - world.day)
            logged.append(.advance(days: result.daysRun))
            if result.stoppedEarly { #expect(!result.attention.isEmpty) }
        }
        #expect(logged.count > opening.count + 1, "without rules the first tickets stop the run")
        var replayed = try World(header: header)
        for action in logged { try replayed.apply(action) }
        #expect(replayed.day == world.day)
        #expect(replayed.orders == world.orders)
        #expect(replayed.serviceBook.tickets == world.serviceBook.tickets)
        #expect(replayed.ledger.lines == world.ledger.lines)
    }

    @Test func advanceRunsAtLeastOneDayAndNoStopRunsThrough() throws {
        var world = try World(header: WorldHeader(seed: 5, scenario: .cnImport, customers: 2_000))
        for action in world.demoShopActions() { try world.apply(action) }
        var through = world
        let all = try through.advance(upTo: 40, stopWhen: .never)
        #expect(all.daysRun == 40 && through.day == 40)
        let first = try world.advance(upTo: 40)
        #expect(first.daysRun >= 1 && first.daysRun < 40, "an unanswered ticket stops a shop without rules")
        guard case .tickets(let ids) = try #require(first.attention.first) else { Issue.record("expected tickets first"); return }
        #expect(ids.allSatisfy { world.serviceBook.tickets[$0 - 1].day == world.day - 1 })
        // Nothing that was there before counts as new: the next run goes on past today's open tickets.
        let next = try world.advance(upTo: 1)
        #expect(next.daysRun == 1)
    }

    @Test func ticketRuleAnswersTheDayTheTicketArrivesAsAReplyWould() throws {
        var world = try World(header: WorldHeader(seed: 5, scenario: .cnImport, customers: 2_000))
        for action in world.demoShopActions() + [.set(key: "tickets.policy.tax-question", value: "resend")] { try world.apply(action) }
        try world.apply(.advance(days: 60))
        let taxTickets = world.serviceBook.tickets.filter { $0.kind == .taxQuestion }
        try #require(!taxTickets.isEmpty)
        for t in taxTickets where t.byPolicy {
            #expect(t.reply == .resend && t.replyDay == t.day)
            #expect(t.rightAnswer == false, "a resend does not answer a tax question")
        }
        #expect(world.serviceBook.tickets.filter { $0.kind != .taxQuestion }.allSatisfy { !$0.byPolicy })
    }

    @Test func customsRuleReleasesMismatchHoldsWithTheCorrectionCharge() throws {
        var world = try World(header: WorldHeader(seed: 9, scenario: .cnImport, mode: "daigou", customers: 3_000))
        for action in world.demoActions() + [.set(key: "customs.policy", value: "release")] { try world.apply(action) }
        try world.apply(.advance(days: 60))
        let mismatches = world.customsBook.holds.filter { $0.reason == .mismatch }
        try #require(!mismatches.isEmpty)
        #expect(mismatches.allSatisfy { $0.status == .released && $0.endDay == $0.day })
        #expect(mismatches.allSatisfy { $0.charges == CustomsPolicy.correctionCharge })
    }

    @Test func cashAlertStopsTheDayCashFallsBelowIt() throws {
        var world = try World(header: WorldHeader(seed: 5, scenario: .cnImport, customers: 2_000))
        for action in world.demoShopActions() { try world.apply(action) }
        // Parcels are paid the day they ship, sales settle days later: cash falls within days.
        let cash = world.cash(.CNY)
        try world.apply(.set(key: "alerts.cash_below", value: "\(Money(minor: cash.minor - 1, .CNY))"))
        for action in AdvanceStopTests.sensibleRules.prefix(6) { try world.apply(action) }
        let result = try world.advance(upTo: 30)
        #expect(result.stoppedEarly)
        #expect(result.attention.contains(.cashBelow(cash: world.cash(.CNY), alert: Money(minor: cash.minor - 1, .CNY))))
        // Still below: not new, so no stop for it again.
        let next = try world.advance(upTo: 1)
        #expect(!next.attention.contains { if case .cashBelow = $0 { true } else { false } })
    }

    @Test func settingsNameEveryStandingRule() throws {
        var world = try World(header: WorldHeader(seed: 5, scenario: .cnImport, customers: 300))
        for action in Self.sensibleRules { try world.apply(action) }
        #expect(world.settings.ticketPolicy(.damaged) == .refund)
        #expect(world.settingsRows().contains { $0 == ("tickets.policy.counterfeit", "refund") })
        #expect(world.settingsRows().contains { $0 == ("customs.policy", "release") })
        #expect(world.settingsRows().contains { $0 == ("alerts.cash_below", "50000.00 CNY") })
        try world.apply(.set(key: "tickets.policy.damaged", value: "off"))
        #expect(world.settings.ticketPolicy(.damaged) == nil)
        #expect(throws: EngineError.self) { try world.apply(.set(key: "tickets.policy.damaged", value: "shrug")) }
        #expect(throws: EngineError.self) { try world.apply(.set(key: "customs.policy", value: "seize")) }
    }
}
