/// `advance` that stops when the student is needed.
///
/// The stop is decided here, in the library, and only once: the CLI then logs `advance(days: k)` with the days
/// actually run, so replay, reference solutions and the grader simulate exactly those days and never re-evaluate a
/// stop condition (which could change meaning with the engine).
extension World {
    /// When `advance(upTo:stopWhen:)` ends early.
    public enum StopRule: Sendable {
        /// Run every day asked (`advance --no-stop`).
        case never
        /// End with the first day on which something new needs the student (see ``Attention``).
        case studentNeeded
    }

    /// Something new that needs the student, found at the end of a simulated day.
    public enum Attention: Sendable, Equatable {
        /// Tickets opened that day that no standing rule answered.
        case tickets(ids: [Int])
        /// Parcels held that day for mismatched documents that no standing rule released.
        case holds(ids: [Int])
        /// SKUs that sold out that day with no restock on its way.
        case stockOuts(skus: [String])
        /// Cash in the home currency fell below `alerts.cash_below` that day.
        case cashBelow(cash: Money, alert: Money)
    }

    /// What an `advance` did: the days simulated and, when it stopped early, why.
    public struct AdvanceResult: Sendable, Equatable {
        public let daysAsked: Int
        public let daysRun: Int
        /// What needs the student at the end of the last day run; empty when nothing new does.
        public let attention: [Attention]
        public var stoppedEarly: Bool { daysRun < daysAsked }
    }

    /// Simulates up to `days` days, at least one, and with ``StopRule/studentNeeded`` ends after the first day on which
    /// something new needs the student. Log the result as `.advance(days: result.daysRun)`: it rebuilds this world.
    ///
    /// - Throws: ``EngineError/badDays(_:)`` or ``EngineError/worldTooLong(day:days:)``; the world is then unchanged.
    @discardableResult
    public mutating func advance(upTo days: Int, stopWhen rule: StopRule = .studentNeeded,
                                 progress: ((Int, Int) -> Void)? = nil) throws(EngineError) -> AdvanceResult {
        guard (1...World.maxDays).contains(days) else { throw .badDays(days) }
        guard day + days <= World.maxDays else { throw .worldTooLong(day: day, days: days) }
        reserveForDays(days)
        for done in 1...days {
            let watch = rule == .never ? nil : AttentionWatch(self)
            simulateDay()
            progress?(done, days)
            if let found = watch?.newAttention(in: self), !found.isEmpty {
                return AdvanceResult(daysAsked: days, daysRun: done, attention: found)
            }
        }
        return AdvanceResult(daysAsked: days, daysRun: days, attention: [])
    }
}

/// What the world looked like at the start of a day, to tell what is new at its end.
struct AttentionWatch {
    let tickets: Int
    let holds: Int
    let onHandBySKU: [String: Int]
    let cashWasBelow: Bool

    init(_ world: World) {
        tickets = world.serviceBook.tickets.count
        holds = world.customsBook.holds.count
        onHandBySKU = world.stockBySKU()
        cashWasBelow = world.settings.cashBelow.map { world.cash($0.currency) < $0 } ?? false
    }

    func newAttention(in world: World) -> [World.Attention] {
        var found: [World.Attention] = []
        let tickets = world.serviceBook.tickets.dropFirst(self.tickets).filter { $0.status == .open && $0.replyDay == nil }
        if !tickets.isEmpty { found.append(.tickets(ids: tickets.map(\.id))) }
        let holds = world.customsBook.holds.dropFirst(self.holds).filter { $0.reason == .mismatch && $0.status == .held }
        if !holds.isEmpty { found.append(.holds(ids: holds.map(\.id))) }
        let now = world.stockBySKU()
        let incoming = Set(world.lots.filter { $0.inTransit > 0 }.map(\.sku))
        let soldOut = world.listings.filter {
            $0.active && (onHandBySKU[$0.sku] ?? 0) > 0 && (now[$0.sku] ?? 0) == 0 && !incoming.contains($0.sku)
        }.map(\.sku).sorted()
        if !soldOut.isEmpty { found.append(.stockOuts(skus: soldOut)) }
        if let alert = world.settings.cashBelow, !cashWasBelow, world.cash(alert.currency) < alert {
            found.append(.cashBelow(cash: world.cash(alert.currency), alert: alert))
        }
        return found
    }
}

extension World {
    /// What happened and how to handle it, in words for the end of `advance` (ticket kinds and ids, hold ids, SKUs).
    public func advice(_ attention: Attention) -> String {
        func ids(_ list: [Int]) -> String { list.prefix(6).map(String.init).joined(separator: ", ") + (list.count > 6 ? ", …" : "") }
        switch attention {
        case .tickets(let list):
            // Grouped by kind in the kinds' order, so the student sees which standing rule would have answered them.
            let groups = TicketKind.allCases.compactMap { kind -> String? in
                let of = list.filter { serviceBook.tickets[$0 - 1].kind == kind }
                return of.isEmpty ? nil : "\(kind.rawValue) \(ids(of))"
            }
            return "\(list.count == 1 ? "A ticket" : "\(list.count) tickets") no rule answers (\(groups.joined(separator: "; "))): "
                + "reply within \(World.replySLADays) day with `borderlab tickets reply ID --action …` (`borderlab tickets show ID` "
                + "says what the customer wrote), or set a standing rule: `borderlab tickets policy KIND ACTION`."
        case .holds(let list):
            return "Customs holds \(list.count == 1 ? "a parcel" : "\(list.count) parcels") for mismatched documents (hold \(ids(list))): "
                + "`borderlab customs release ID` within \(CustomsPolicy.seizeAfterDays) days or it is seized; or release every "
                + "one by rule: `borderlab customs policy release`."
        case .stockOuts(let skus):
            return "Sold out with nothing on its way: \(skus.joined(separator: ", ")). Restock with `borderlab market buy SKU …` "
                + "(`borderlab market quote` first) or delist with `borderlab shop delist SKU`."
        case .cashBelow(let cash, let alert):
            return "Cash is \(cash), below your alert of \(alert): hold back purchases until sales settle, "
                + "or change the alert with `borderlab shop set alerts.cash_below \"AMOUNT \(alert.currency)\"` (or off)."
        }
    }

    /// Units on the shelf per SKU, over the lots the shop holds itself (on-demand lots of the agent modes excluded).
    public func stockBySKU() -> [String: Int] {
        var stock: [String: Int] = [:]
        for lot in lots where !lot.onDemand { stock[lot.sku, default: 0] += lot.onHand }
        return stock
    }
}

/// What waits for the student right now, new or not: open tickets without a reply and parcels held for mismatched
/// documents. `advance` prints it after each run (tickets breach their reply SLA within a day).
public struct WaitingWork: Sendable, Equatable {
    /// Open tickets without a reply, and how many of them are past their reply deadline.
    public let unansweredTickets: Int
    public let lateTickets: Int
    /// The earliest reply deadline not yet past, if any.
    public let nextReplyDueDay: Int?
    /// Parcels held for mismatched documents, and the day the first of them is seized unless released.
    public let mismatchHolds: Int
    public let firstSeizureDay: Int?
}

extension World {
    public func waitingWork() -> WaitingWork {
        let open = serviceBook.tickets.filter { $0.status == .open && $0.replyDay == nil }
        let mismatches = customsBook.held.filter { $0.reason == .mismatch }
        return WaitingWork(unansweredTickets: open.count, lateTickets: open.filter { $0.replyDueDay < day }.count,
                           nextReplyDueDay: open.filter { $0.replyDueDay >= day }.map(\.replyDueDay).min(),
                           mismatchHolds: mismatches.count, firstSeizureDay: mismatches.map(\.dueDay).min())
    }
}
