import BorderLabCore
import Testing
@testable import BorderLabCLI

/// What `advance` tells a student who has work waiting, and the balances `status` shows.
@Suite struct AdvanceSummaryTests {
    /// The mixed-route shop (air and express stock sells within days; the tour's sea-freight stock arrives only after a
    /// week or more) after 20 days: tickets have come in and nobody has answered them.
    static func demoWorld(days: Int = 20) throws -> World {
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 60_000))
        for action in world.demoShopActions() { try world.apply(action) }
        try world.apply(.advance(days: days))
        return world
    }

    @Test func unansweredTicketsAreCountedWithTheirDeadlines() throws {
        var world = try Self.demoWorld()
        let open = world.serviceBook.tickets.filter { $0.status == .open && $0.replyDay == nil }
        try #require(!open.isEmpty, "the demo world should have tickets by day 20")
        let line = try #require(AdvanceSummary.waitingForYou(world).first { $0.contains("ticket") })
        // The count in the line is the number of open tickets without a reply, in the right number.
        #expect(line.contains("Waiting: \(open.count) ticket\(open.count == 1 ? "" : "s") without a reply"))
        let late = open.filter { $0.replyDueDay < world.day }.count
        #expect(line.contains("\(late) past the reply deadline") == (late > 0))
        // Once every ticket has an answer, the line goes away.
        for ticket in open { try world.apply(.replyTicket(id: ticket.id, action: .explain)) }
        #expect(!AdvanceSummary.waitingForYou(world).contains { $0.contains("ticket") })
    }

    @Test func statusShowsWhatIsOwedAsPositiveAmounts() throws {
        let world = try Self.demoWorld(days: 10)
        let report = world.statusReport()
        // Card and wallet settlements lag the sale by days, so a selling shop is owed money and owes checkout tax.
        #expect(report.receivable.contains { $0.currency == "CNY" && $0.minor > 0 })
        #expect(report.taxPayable.contains { $0.currency == "CNY" && $0.minor > 0 })
        #expect(report.supplierPayable.isEmpty, "only a direct-delivery platform holds suppliers' money")
        let text = StatusText.render(report, world: world)
        #expect(text.contains("Balances    owed to you "))
        #expect(!text.contains("owed to suppliers"))
    }
}
