import BorderLabCore
import BorderLabStore
import Foundation
import Testing
@testable import BorderLabCLI

/// The service loop and the decision figures as a student reads them (issue 8, §2–3): exact output of the texts the
/// changed commands print, the standing-rule commands, and the log an `advance` that stopped leaves behind.
@Suite struct ServiceLoopCLITests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-loop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) -> Int32 { CLIRunner.main(arguments) }

    /// The lines from "Stopped after" up to the first "Waiting:" line of an `advance` summary.
    static func stopBlock(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Stopped after") }) else { return "" }
        let end = lines[start...].firstIndex { $0.hasPrefix("  Waiting:") || $0.isEmpty } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    @Test func advanceSaysWhyItStoppedAndHowToHandleIt() throws {
        // The mixed-route shop (listed at the going price, air and express stock selling within days) buys 200 CNY a
        // day of marketing, so tickets come within the month.
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 1500))
        for action in world.demoShopActions() + [.set(key: "marketing.daily_budget", value: "200 CNY")] { try world.apply(action) }
        let before = world
        let result = try world.advance(upTo: 30)
        #expect(Self.stopBlock(AdvanceSummary.render(before: before, after: world, result: result)) == """
            Stopped after 23 days of 30: something new needs you (go on with: borderlab advance --days 7).
              • 2 tickets no rule answers (tax-question 1; customs-hold 2): reply within 1
                day with `borderlab tickets reply ID --action …` (`borderlab tickets show
                ID` says what the customer wrote), or set a standing rule: `borderlab
                tickets policy KIND ACTION`.
              • Customs holds a parcel for mismatched documents (hold 1): `borderlab
                customs release ID` within 14 days or it is seized; or release every one
                by rule: `borderlab customs policy release`.
            """)
        // The texts of the other two reasons, for any world.
        #expect(world.advice(.stockOuts(skus: ["AU-INF-02", "JP-ELE-02"])) == "Sold out with nothing on its way: AU-INF-02, JP-ELE-02. "
            + "Restock with `borderlab market buy SKU …` (`borderlab market quote` first) or delist with `borderlab shop delist SKU`.")
        #expect(world.advice(.cashBelow(cash: Money(major: 40_000, .CNY), alert: Money(major: 50_000, .CNY)))
            == "Cash is 40000.00 CNY, below your alert of 50000.00 CNY: hold back purchases until sales settle, "
            + "or change the alert with `borderlab shop set alerts.cash_below \"AMOUNT CNY\"` (or off).")
        // A run with nothing new says nothing about stopping.
        var quiet = try World(header: WorldHeader(seed: 1, scenario: .cnImport, customers: 300))
        let calm = quiet
        let none = try quiet.advance(upTo: 5)
        #expect(none.daysRun == 5 && none.attention.isEmpty)
        #expect(Self.stopBlock(AdvanceSummary.render(before: calm, after: quiet, result: none)) == "")
    }

    @Test func aStoppedAdvanceLogsTheDaysItRanAndVerifies() throws {
        let ws = folder + "/shop"
        // A shop that sells: listed at the going price (152.46 CNY, `market prices`), with paid marketing.
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "5000") == 0)
        #expect(run("market", "buy", "JP-COS-01", "--qty", "100", "--channel", "express", "--customs", "9610", "--workspace", ws) == 0)
        #expect(run("shop", "add", "JP-COS-01", "--price", "152.00 CNY", "--workspace", ws) == 0)
        #expect(run("shop", "set", "marketing.daily_budget", "100 CNY", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "60", "--workspace", ws) == 0)
        let opened = try Workspace(root: ws).open()
        guard case .advance(let days) = try #require(opened.log.actions.last).action else { Issue.record("last action is not an advance"); return }
        #expect(days == opened.world.day && days < 60, "it stopped early and logged the days it ran")
        #expect(run("verify", "--workspace", ws) == 0)
        #expect(run("advance", "--days", "5", "--no-stop", "--workspace", ws) == 0)
        #expect(try Workspace(root: ws).open().world.day == days + 5)
    }

    @Test func standingRulesAreSetListedAndRefusedWhenMisspelt() throws {
        let ws = folder + "/rules"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "300") == 0)
        #expect(run("tickets", "policy", "tax-question", "explain", "--workspace", ws) == 0)
        #expect(run("tickets", "policy", "damaged", "refund", "--workspace", ws) == 0)
        #expect(run("tickets", "policy", "damaged", "off", "--workspace", ws) == 0)
        #expect(run("customs", "policy", "release", "--workspace", ws) == 0)
        #expect(run("shop", "set", "alerts.cash_below", "1000 CNY", "--workspace", ws) == 0)
        let log = FileManager.default.contents(atPath: ws + "/actions.jsonl")
        #expect(run("tickets", "policy", "tax-question", "shrug", "--workspace", ws) == 2)
        #expect(run("tickets", "policy", "tax", "explain", "--workspace", ws) == 2)
        #expect(run("tickets", "policy", "tax-question", "--workspace", ws) == 2)
        #expect(run("customs", "policy", "seize", "--workspace", ws) == 2)
        #expect(run("shop", "set", "alerts.cash_below", "1000 USD", "--workspace", ws) == 2)
        #expect(FileManager.default.contents(atPath: ws + "/actions.jsonl") == log, "refusals write nothing")
        #expect(run("tickets", "policy", "--workspace", ws) == 0)
        let world = try Workspace(root: ws).open().world
        #expect(world.standingRules().map { "\($0.rule): \($0.value)" } == [
            "tickets where-is-my-parcel: off", "tickets damaged: off", "tickets counterfeit: off",
            "tickets tax-question: explain", "tickets customs-hold: off",
            "customs mismatch holds: release", "alert when cash falls below: 1000.00 CNY",
        ])
        #expect(run("sql", "SELECT key, value FROM shop_settings WHERE key LIKE 'tickets.policy.%'", "--workspace", ws) == 0)
    }

    @Test func daigouQuoteShowsTheFiguresOfOneOrder() throws {
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, mode: "daigou", customers: 300))
        try world.apply(.list(sku: "JP-COS-01", price: Money(major: 180, .CNY)))
        #expect(DaigouQuoteText.render(try world.daigouQuote(sku: "JP-COS-01", quantity: 2), world: world) == """
            A daigou order of 2 × JP-COS-01 (Hydrating lotion 200 ml) on 2026-10-20
              bought abroad after the customer pays, mailed 9610 by dedicated-line, 9–17 days to the customer

              price        360.00 CNY   2 × 180.00 CNY, your listed price
              service fee   36.00 CNY   10.00% of the goods, daigou.service_fee
              shelf cost  -174.74 CNY   2 × 1,815 JPY shelf price abroad, with the bank spread
              parcel       -76.00 CNY   dedicated-line
              margin       145.26 CNY   before payment fees and returns

            The customer also pays 32.76 CNY import tax (cbec-retail); the shop collects and remits it.
            """)
        let ws = folder + "/daigou"
        #expect(run("new", ws, "--scenario", "cn-import", "--mode", "daigou", "--customers", "300") == 0)
        #expect(run("market", "quote", "JP-COS-01", "--qty", "1", "--workspace", ws) == 0)
        #expect(run("market", "quote", "JP-COS-01", "--qty", "1", "--json", "--workspace", ws) == 0)
        #expect(run("market", "quote", "JP-COS-01", "--qty", "1", "--channel", "express", "--workspace", ws) == 2)
        let shop = folder + "/b2c"
        #expect(run("new", shop, "--scenario", "cn-import", "--customers", "300") == 0)
        #expect(run("market", "quote", "JP-COS-01", "--qty", "100", "--workspace", shop) == 2, "a stock purchase needs its route")
    }

    @Test func inspectionStatesItsFeeAndSamplesBeforeItRuns() throws {
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, customers: 300))
        try world.apply(.buy(sku: "KR-COS-01", quantity: 200, channel: .airFreight, customs: .bonded, warehouse: nil))
        try world.apply(.buy(sku: "DE-KIT-01", quantity: 200, channel: .airFreight, customs: .bonded, warehouse: nil))
        #expect(BorderLab.Market.Inspect.previewText(try world.inspectionPreview(purchaseOrder: 1, aql: "2.5"), world: world)
            == "Inspecting PO-1 (KR-COS-01) at AQL 2.5 on arrival (day 14): fee 2,000.00 CNY; lot of 200, sample n = 32 (Ac 2 Re 3); "
            + "all 32 samples are opened and used up (1,648.32 CNY landed cost written off).")
        #expect(BorderLab.Market.Inspect.previewText(try world.inspectionPreview(purchaseOrder: 2, aql: "1.0"), world: world)
            == "Inspecting PO-2 (DE-KIT-01) at AQL 1.0 on arrival (day 9): fee 2,000.00 CNY; lot of 200, sample n = 50 (Ac 1 Re 2); "
            + "sound samples go back on the shelf, only defective ones are used up (413.73 CNY landed cost each).")
        let ws = folder + "/inspect"
        #expect(run("new", ws, "--scenario", "cn-import", "--customers", "300") == 0)
        #expect(run("market", "buy", "KR-COS-01", "--qty", "200", "--channel", "air-freight", "--customs", "1210", "--workspace", ws) == 0)
        let log = FileManager.default.contents(atPath: ws + "/actions.jsonl")
        #expect(run("market", "inspect", "PO-1", "--aql", "2.5", "--preview", "--workspace", ws) == 0)
        #expect(FileManager.default.contents(atPath: ws + "/actions.jsonl") == log, "a preview changes nothing")
        #expect(run("market", "inspect", "PO-1", "--aql", "2.5", "--workspace", ws) == 0)
        #expect(run("market", "inspect", "PO-1", "--aql", "2.5", "--preview", "--workspace", ws) == 2, "already booked")
    }

    @Test func offersExplainEveryColumnAndTheRebateCommission() {
        #expect(BorderLab.Market.Offers.legend(positiveList: true, rebate: true, mode: .rebate) == """
            MOQ            minimum order quantity: the fewest units one purchase may buy
            UNIT PRICE     the supplier's price per unit in its currency, by tier: "100+:
                           9.00 USD" from 100 units up
            LEAD           days the supplier needs before the goods leave (then the
                           channel's transit)
            KG             chargeable weight of one unit: the greater of actual and
                           volumetric (L×W×H/6000)
            RETAIL         the typical retail price in the destination markets: the price
                           shoppers expect at first (their reference price then moves with
                           what they see); priced far above it, a listing sells little
            POSITIVE LIST  yes: on China's CBEC positive list, so it may be sold as
                           cross-border retail
            COMMISSION     what the merchant pays you on each attributed sale, percent of
                           the goods; you pay back rebate.share of it to the shopper
            """)
        let ws = folder + "/rebate"
        #expect(run("new", ws, "--scenario", "cn-import", "--mode", "rebate", "--customers", "300") == 0)
        #expect(run("market", "offers", "--category", "cosmetics", "--workspace", ws) == 0)
        #expect(run("market", "offers", "--json", "--workspace", ws) == 0)
    }
}
