import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "advance", 
            abstract: "Let simulated days pass: customers shop, goods move, customs clear, money settles.",
            discussion: """
            Runs at least one day and stops at the end of the first day on which something new needs you: a ticket \
            no standing rule answers, a parcel customs holds that no rule releases, a listed SKU sold out with nothing \
            on its way, cash below your alert. It says what and how to handle it; run `advance` again to go on. \
            Standing rules: `borderlab tickets policy`, `borderlab customs policy release`, \
            `borderlab shop set alerts.cash_below "AMOUNT CUR"`. The log records the days actually run.
            Examples:
              borderlab advance --days 30
              borderlab advance --days 30 --no-stop
            """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "How many days to simulate at most (1–3660).")
        var days: Int = 1

        @Flag(help: "Run every day asked, whatever needs you on the way.")
        var noStop = false

        @Flag(help: "Print the status after the run as JSON (the keys of `status --json`) instead of text.")
        var json = false

        func validate() throws {
            guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660.") }
        }

        func run() throws {
            let workspace = try options.locate()
            let rule: World.StopRule = noStop ? .never : .studentNeeded
            let progress = Terminal.progress(label: "advance")
            let (before, world, result) = try workspace.commit { (world: inout World) throws(EngineError) in
                let result = try world.advance(upTo: days, stopWhen: rule, progress: progress)
                return (Action.advance(days: result.daysRun), result)
            }
            if json { print(Terminal.json(world.statusReport())); return }
            print(AdvanceSummary.render(before: before, after: world, result: result))
        }
    }
}

/// What happened over an `advance`: the story of the days, then the KPIs.
enum AdvanceSummary {
    static func render(before: World, after world: World, result: World.AdvanceResult? = nil) -> String {
        let orders = world.orders.count - before.orders.count
        let units = world.orders.dropFirst(before.orders.count).reduce(0) { $0 + $1.quantity }
        let visits = world.dayStats.dropFirst(before.dayStats.count).reduce(0) { $0 + $1.visits }
        let head = "Day \(before.day) → \(world.day) (\(world.date().iso)): "
        var lines: [String]
        switch world.mode {
        case .b2bPlatform:
            let k0 = before.modeKPIs(), k1 = world.modeKPIs()
            let gmv = Money(minor: k1.platformGMV.minor - k0.platformGMV.minor, Currency(rawValue: k1.platformGMV.currency) ?? .USD)
            lines = [head + "\(Terminal.count(k1.platformTrades - k0.platformTrades, "trade")) between members worth \(Terminal.money(gmv))."]
        case .rebate:
            lines = [head + "\(Terminal.count(visits, "visit")), \(Terminal.count(orders, "order")) placed with merchants through the site."]
        default:
            lines = [head + "\(Terminal.count(visits, "visit")), \(Terminal.count(orders, "order")), \(Terminal.count(units, "unit")) sold."]
        }
        // Each distinct story once, in order of first appearance: a SKU that sells out every week is one line.
        var order: [String] = [], seen: [String: (first: Int, last: Int, count: Int)] = [:]
        for event in world.events.dropFirst(before.events.count) {
            let story = "\(event.kind): \(event.detail)"
            if let s = seen[story] {
                seen[story] = (s.first, event.day, s.count + 1)
            } else {
                seen[story] = (event.day, event.day, 1); order.append(story)
            }
        }
        for detail in order.prefix(12) {
            let s = seen[detail]!
            let again = s.count > 1 ? "   (\(s.count) times, last on \(world.date(s.last).iso))" : ""
            lines.append("  \(world.date(s.first).iso)  \(detail)\(again)")
        }
        if order.count > 12 {
            lines.append("  … and \(Terminal.count(order.count - 12, "more event")) (borderlab sql \"SELECT * FROM events ORDER BY day\")")
        }
        if let result, !result.attention.isEmpty {
            lines.append("")
            let left = result.daysAsked - result.daysRun
            lines.append("Stopped after \(Terminal.count(result.daysRun, "day")) of \(result.daysAsked): something new needs you"
                         + (left > 0 ? " (go on with: borderlab advance --days \(left))." : "."))
            lines += result.attention.map { "  • " + Terminal.wrap(world.advice($0), indent: "    ").dropFirst(4) }
        }
        lines += waitingForYou(world)
        lines.append("")
        lines.append(StatusText.render(world.statusReport(), world: world))
        return lines.joined(separator: "\n")
    }

    /// What needs the student now: open tickets with their reply deadline and parcels customs holds until released.
    /// Tickets breach their SLA within a day, so an `advance` that leaves some open says so.
    static func waitingForYou(_ world: World) -> [String] {
        var lines: [String] = []
        let waiting = world.waitingWork()
        if waiting.unansweredTickets > 0 {
            var due: [String] = []
            if waiting.lateTickets > 0 { due.append("\(waiting.lateTickets) past the reply deadline") }
            if let next = waiting.nextReplyDueDay { due.append("next reply due by the end of \(world.date(next).iso)") }
            lines.append("  Waiting: \(Terminal.count(waiting.unansweredTickets, "ticket")) without a reply (\(due.joined(separator: "; "))): borderlab tickets list")
        }
        if let first = waiting.firstSeizureDay {
            lines.append("  Waiting: \(Terminal.count(waiting.mismatchHolds, "parcel")) held by customs for mismatched documents (first seized \(world.date(first).iso) unless released): borderlab customs list")
        }
        return lines
    }
}
