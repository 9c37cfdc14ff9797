import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let simulated days pass: customers shop, goods move, customs clear, money settles.")

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "How many days to simulate (1–3660).")
        var days: Int = 1

        @Flag(help: "Print the status after the run as JSON (the keys of `status --json`) instead of text.")
        var json = false

        func validate() throws {
            guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660.") }
        }

        func run() throws {
            let workspace = try options.locate()
            let (before, world) = try workspace.performComparing(.advance(days: days), progress: Terminal.progress(label: "advance"))
            if json { print(Terminal.json(world.statusReport())); return }
            print(AdvanceSummary.render(before: before, after: world))
        }
    }
}

/// What happened over an `advance`: the story of the days, then the KPIs.
enum AdvanceSummary {
    static func render(before: World, after world: World) -> String {
        let orders = world.orders.count - before.orders.count
        let units = world.orders.dropFirst(before.orders.count).reduce(0) { $0 + $1.quantity }
        let visits = world.dayStats.dropFirst(before.dayStats.count).reduce(0) { $0 + $1.visits }
        var lines = ["Day \(before.day) → \(world.day) (\(world.date().iso)): \(visits) visits, \(orders) orders, \(units) units sold."]
        let events = world.events.dropFirst(before.events.count)
        for event in events.prefix(12) {
            lines.append("  \(world.date(event.day).iso)  \(event.detail)")
        }
        if events.count > 12 { lines.append("  … and \(events.count - 12) more events (borderlab sql \"SELECT * FROM events\")") }
        lines += waitingForYou(world)
        lines.append("")
        lines.append(StatusText.render(world.statusReport(), world: world))
        return lines.joined(separator: "\n")
    }

    /// What needs the student now: open tickets with their reply deadline and parcels customs holds until released.
    /// Tickets breach their SLA within a day, so an `advance` that leaves some open says so.
    static func waitingForYou(_ world: World) -> [String] {
        var lines: [String] = []
        let open = world.serviceBook.tickets.filter { $0.status == .open && $0.replyDay == nil }
        if !open.isEmpty {
            let late = open.filter { $0.replyDueDay < world.day }.count
            var due: [String] = []
            if late > 0 { due.append("\(late) past the reply deadline") }
            if let next = open.filter({ $0.replyDueDay >= world.day }).map(\.replyDueDay).min() {
                due.append("next reply due by the end of \(world.date(next).iso)")
            }
            lines.append("  Waiting: \(Terminal.count(open.count, "ticket")) without a reply (\(due.joined(separator: "; "))): borderlab tickets list")
        }
        let mismatches = world.customsBook.held.filter { $0.reason == .mismatch }
        if let first = mismatches.min(by: { $0.dueDay < $1.dueDay }) {
            lines.append("  Waiting: \(Terminal.count(mismatches.count, "parcel")) held by customs for mismatched documents (first seized \(world.date(first.dueDay).iso) unless released): borderlab customs list")
        }
        return lines
    }
}
