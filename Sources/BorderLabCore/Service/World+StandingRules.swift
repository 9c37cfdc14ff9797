/// Standing rules: what a real service team decides once instead of ticket by ticket.
///
/// They are shop settings, so they are logged `set` actions like any other choice (`tickets.policy.KIND`,
/// `customs.policy`), and the engine applies them at the end of every simulated day, after the customers have
/// shopped: first the customs rule (so a customs-hold ticket answered by rule finds its parcel released), then the
/// ticket rules, each reply exactly as `tickets reply` would make it on that day (same grading, same costs).
extension World {
    mutating func applyStandingRules() {
        if settings.customsRelease {
            for hold in customsBook.holds where hold.status == .held && hold.reason == .mismatch {
                try? releaseHold(id: hold.id)
            }
        }
        guard settings.ticketPolicies.contains(where: { $0 != nil }) else { return }
        for id in serviceBook.openTicketIDs {
            let ticket = serviceBook.tickets[id - 1]
            guard ticket.status == .open, ticket.replyDay == nil, let action = settings.ticketPolicy(ticket.kind) else { continue }
            // A rule that cannot be carried out (a resend with nothing on the shelf) leaves the ticket to the student.
            if (try? replyTicket(id: id, action: action)) != nil {
                serviceBook.tickets[id - 1].byPolicy = true
            }
        }
    }

    /// The standing rules in force, one line each, for `tickets policy` and the tour.
    public func standingRules() -> [(rule: String, value: String)] {
        TicketKind.allCases.map { ("tickets \($0.rawValue)", settings.ticketPolicy($0)?.rawValue ?? "off") }
            + [("customs mismatch holds", settings.customsRelease ? "release" : "off"),
               ("alert when cash falls below", settings.cashBelow?.description ?? "off")]
    }

    /// The standing rules of a sensible service desk (the tour sets them, the README suggests them): each ticket kind
    /// answered as its customer needs, mismatch holds released, an alert at a tenth of the starting cash.
    public func sensibleStandingRules() -> [Action] {
        let answers: [(TicketKind, TicketAction)] = [
            (.whereIsMyParcel, .explain), (.damaged, .refund), (.counterfeit, .refund), (.taxQuestion, .explain), (.customsHold, .explain),
        ]
        let alert = Money(minor: scenario.startingCash.minor / 10, scenario.startingCash.currency)
        return answers.map { .set(key: ShopSettings.ticketPolicyPrefix + $0.0.rawValue, value: $0.1.rawValue) }
            + [.set(key: "customs.policy", value: "release"), .set(key: "alerts.cash_below", value: alert.description)]
    }
}
