import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Risk: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "risk",
            abstract: "Payment risk: the shop's verification rule, fraud, chargebacks and the dispute ratio.",
            discussion: """
            Examples:
              borderlab risk set --verify-above "200.00 USD"     # 3-D Secure above 200 USD
              borderlab risk set --verify-score-above 70         # and for risk scores above 70
              borderlab risk set --verify-above off --verify-score-above off
              borderlab risk show
            """,
            subcommands: [Show.self, SetRule.self])
    }
}

extension BorderLab.Risk {
    struct SetRule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the extra-verification rule: checkouts above either threshold go through 3-D Secure.",
            discussion: "Verification stops most fraud bots but some genuine shoppers give up; `borderlab risk show` counts both.")

        @OptionGroup var options: WorkspaceOptions
        @Option(name: .customLong("verify-above"), help: "Verify checkouts above this amount, \"AMOUNT CUR\" in the storefront currency, or off.")
        var verifyAbove: String?
        @Option(name: .customLong("verify-score-above"), help: "Verify checkouts whose risk score (0–100) is above this, or off.")
        var verifyScoreAbove: String?

        func validate() throws {
            if verifyAbove == nil && verifyScoreAbove == nil {
                throw ValidationError("Give --verify-above \"AMOUNT CUR\"|off, --verify-score-above N|off, or both.")
            }
        }

        func run() throws {
            var actions: [Action] = []
            if let verifyAbove { actions.append(.set(key: "risk.verify_above", value: verifyAbove)) }
            if let verifyScoreAbove { actions.append(.set(key: "risk.verify_score_above", value: verifyScoreAbove)) }
            let (workspace, world) = try options.open()
            // Both settings or neither: try them on a copy first, so a bad second value leaves the log untouched.
            var trial = world
            for action in actions { try trial.apply(action) }
            var after = world
            for action in actions { after = try workspace.perform(action) }
            print(BorderLab.Risk.ruleText(after))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "Show the verification rule, what it stopped and lost, chargebacks, and the monthly dispute ratios.")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let report = world.riskReport()
            if json { print(Terminal.json(report)); return }
            print(BorderLab.Risk.render(report, world: world))
        }
    }

    static func ruleText(_ world: World) -> String {
        let amount = world.settings.verifyAbove.map { "above \(Terminal.money($0))" }
        let score = world.settings.verifyScoreAbove.map { "risk score above \($0)" }
        let parts = [amount, score].compactMap { $0 }
        return parts.isEmpty ? "Extra verification: off (no checkout is verified)."
                             : "Extra verification for checkouts " + parts.joined(separator: " or ") + "."
    }

    static func render(_ r: RiskReport, world: World) -> String {
        func money(_ m: MoneyJSON) -> String { Terminal.money(Money(minor: m.minor, Currency(rawValue: m.currency) ?? .CNY)) }
        func percent(_ bp: Int?) -> String { bp.map { "\($0 / 100).\($0 % 100 < 10 ? "0" : "")\($0 % 100)%" } ?? "-" }
        var lines = ["Risk · day \(r.day) (\(r.date))", ruleText(world)]
        lines.append("Verification so far: \(r.verifiedCheckouts) checkouts passed, \(r.fraudStopped) fraud bots stopped, \(r.genuineLost) genuine shoppers lost.")
        let reasons = ["fraud", "not-received", "complaint"].map { "\(r.chargebacksByReason[$0] ?? 0) \($0)" }.joined(separator: ", ")
        lines.append("Chargebacks: \(r.chargebacks) (\(reasons)); \(r.chargebacksOpen) waiting for settlement.")
        if !r.chargebackLosses.isEmpty || !r.disputeFees.isEmpty {
            lines.append("Taken back: \(r.chargebackLosses.map(money).joined(separator: ", ")); dispute fees and penalties: \(r.disputeFees.map(money).joined(separator: ", ")).")
        }
        if !r.thresholdsToday.isEmpty {
            let programmes = r.thresholdsToday.map { "\(percent($0.ratioBP)) [\($0.ruleID)]" }.joined(separator: " or ")
            let t = r.thresholdsToday[0]
            lines.append("Dispute monitor today: excessive at \(programmes), from \(t.minimumDisputes) fraud reports plus disputes a month; \(money(t.penaltyPerDispute)) per dispute.")
            lines.append("Ratio = (fraud reports + disputes) / card payments settled in the month (PayPal and cn-wallet do not count); a fraud chargeback counts twice.")
        }
        lines.append("")
        let table = Terminal.table(["MONTH", "SETTLED CARD PAYMENTS", "REPORTS + DISPUTES", "RATIO", "THRESHOLDS", "VERDICT", "STOPPED", "LOST"], r.months.map { m in
            let flagged = m.thresholds.filter { m.excessiveRules.contains($0.ruleID) }.map(\.programme).joined(separator: "+")
            return [m.month, String(m.cardPayments), "\(m.reportsAndDisputes) = \(m.fraudReports) + \(m.disputes)",
                    percent(m.ratioBP), m.thresholds.isEmpty ? "-" : m.thresholds.map { "\($0.programme) \(percent($0.ratioBP))" }.joined(separator: ", "),
                    !m.judged ? "in progress" : m.excessive ? "EXCESSIVE (\(flagged)), \(m.penalty.map(money) ?? "")" : "ok",
                    String(m.fraudStopped), String(m.genuineLost)]
        })
        return lines.joined(separator: "\n") + "\n" + table
    }
}
