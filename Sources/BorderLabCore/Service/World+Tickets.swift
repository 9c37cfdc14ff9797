/// Customer-service tickets with SLA clocks, and the shop's replies.
///
/// A ticket opens when a customer complains (damaged or counterfeit goods, a tax question, a parcel past its promise;
/// other mechanics open customs-hold and lost-parcel tickets). The shop replies with `tickets reply ID --action …`.
///
/// Right and wrong answers (a *generous* answer costs the shop money but leaves the customer content):
///
/// | kind                                | right            | generous                 | wrong              |
/// |-------------------------------------|------------------|--------------------------|--------------------|
/// | where-is-my-parcel, on its way      | explain          | refund, resend           | escalate           |
/// | where-is-my-parcel, parcel lost     | resend, refund   | –                        | explain, escalate  |
/// | damaged                             | resend, refund   | –                        | explain, escalate  |
/// | counterfeit                         | refund, escalate | –                        | explain, resend    |
/// | tax-question                        | explain          | refund                   | resend, escalate   |
/// | customs-hold, released              | explain          | refund                   | resend, escalate   |
/// | customs-hold, still held            | –                | refund, resend           | explain, escalate  |
///
/// Answers are judged by what the customer needed: a tax question is answered by an explanation (a refund settles it
/// generously), never by shipping the goods again; a released parcel is on its way, so a second one answers nothing.
///
/// A wrong answer, or a breach of either SLA clock, makes the customer react once per ticket: a 1–2 star review
/// (likely) and, when they paid by card or PayPal, possibly a dispute (`openDispute`).
extension World {
    /// Reply SLA: the first answer within 1 day of opening (*assumption*, a common marketplace target of 24 hours).
    public static let replySLADays = 1
    /// Resolution SLA: closed within 3 days of opening (*assumption*).
    public static let resolveSLADays = 3
    /// Days the platform takes to decide an escalated ticket (*assumption*).
    public static let escalationDays = 2
    /// An unanswered ticket expires (the customer gives up) after this many days (*assumption*).
    public static let ticketExpiryDays = 14
    /// Chance a customer whose parcel is past its promise asks where it is, basis points (*assumption*).
    static let lateComplaintBP = 5_000
    /// Chance an upset customer (wrong answer or SLA breach) leaves a 1–2 star review, basis points (*assumption*).
    static let upsetReviewBP = 6_000
    /// Chance an upset customer who paid by card or PayPal disputes the payment, basis points (*assumption*, tuned so
    /// that a shop ignoring its tickets lands near DOMAIN.md's 0.5–0.6% e-commerce chargeback rate on top of fraud).
    static let upsetDisputeBP = 1_000

    /// How good a reply is for the customer.
    public enum AnswerGrade: String, Sendable { case right, generous, wrong }

    /// The answer table above, as code.
    public static func grade(_ action: TicketAction, kind: TicketKind, parcelLost: Bool, parcelHeld: Bool,
                             refunded: Bool = false) -> AnswerGrade {
        // A customer who has the money back already (a lost or seized parcel is refunded when it is found gone) needs
        // an explanation; paying or shipping again is generosity, and escalating is wrong.
        if refunded {
            switch action {
            case .explain: return .right
            case .refund, .resend: return .generous
            case .escalate: return .wrong
            }
        }
        return switch (kind, action) {
        case (.whereIsMyParcel, .explain): parcelLost ? .wrong : .right
        case (.whereIsMyParcel, .refund), (.whereIsMyParcel, .resend): parcelLost ? .right : .generous
        case (.damaged, .resend), (.damaged, .refund): .right
        case (.counterfeit, .refund), (.counterfeit, .escalate): .right
        case (.taxQuestion, .explain): .right
        case (.customsHold, .explain): parcelHeld ? .wrong : .right
        case (.taxQuestion, .refund), (.customsHold, .refund): .generous
        case (.customsHold, .resend): parcelHeld ? .generous : .wrong
        default: .wrong
        }
    }

    /// Why an answer was wrong, in words a student can act on: the answer table above explained for one ticket.
    /// nil when the answer was right or generous, or the ticket has no reply yet.
    public func wrongAnswerReason(ticket id: Int) -> String? {
        guard id >= 1, id <= serviceBook.tickets.count else { return nil }
        let t = serviceBook.tickets[id - 1]
        guard t.rightAnswer == false, let reply = t.reply else { return nil }
        if moneyReturned(order: t.orderID) {
            return "The customer already had the money back: an explanation was enough, an escalation made them wait."
        }
        switch t.kind {
        case .whereIsMyParcel:
            return isParcelLost(order: t.orderID)
                ? "The parcel is lost: \(reply == .explain ? "an explanation" : "an escalation") does not bring it back. A lost parcel needs a resend or a refund."
                : "The parcel is on its way: the customer needed its tracking (explain), not an escalation."
        case .damaged:
            return "The goods arrived damaged: the customer wanted a replacement or the money back (resend or refund), not \(reply == .explain ? "an explanation" : "an escalation")."
        case .counterfeit:
            return reply == .resend
                ? "A counterfeit claim is not answered by sending more of the same batch: refund, or escalate to the platform."
                : "A counterfeit claim cannot be explained away: refund, or escalate to the platform."
        case .taxQuestion:
            return reply == .resend
                ? "The customer asked about the tax, not for the goods again: a tax question needs an explanation of the tax (see `borderlab rules`)."
                : "A tax question needs an explanation of the tax (see `borderlab rules`), not an escalation."
        case .customsHold:
            if parcelHeld(order: t.orderID) {
                return "Customs still holds the parcel: release it first (`borderlab customs list`), then explain; or refund or resend."
            }
            return reply == .resend
                ? "The parcel was already on its way again: a second one answers nothing; an explanation was enough."
                : "The parcel was already on its way again: an explanation was enough, an escalation made them wait."
        }
    }

    /// Opens a customer-service ticket about an order (customs holds, lost parcels and late ones call it too).
    /// `kind`: where-is-my-parcel (also `lost`, `lost-parcel`), damaged, counterfeit, tax-question, customs-hold.
    /// The same complaint about the same order is not filed twice while a ticket about it is open.
    mutating func openTicket(order orderID: Int, kind: String) {
        guard orderID >= 1, orderID <= orders.count else { return }
        let kind = TicketKind(name: kind)
        let key = orderID * 8 + kind.ordinal
        guard serviceBook.openTicketByKey[key] == nil else { return }
        let id = serviceBook.tickets.count + 1
        serviceBook.tickets.append(Ticket(id: id, day: day, orderID: orderID, kind: kind))
        serviceBook.openTicketIDs.append(id)
        serviceBook.openTicketByKey[key] = id
        // No event per ticket: the tickets table holds them, and the story of the days stays readable.
    }

    /// True when the order's parcel is lost in transit.
    func isParcelLost(order orderID: Int) -> Bool {
        orders[orderID - 1].status == .lost || (orderID <= shipments.count && shipments[orderID - 1].lost)
    }

    /// True when customs holds the order's parcel right now.
    func parcelHeld(order orderID: Int) -> Bool {
        customsBook.holds.reversed().contains { $0.orderID == orderID && $0.status == .held }
    }

    /// `ticket-reply`: answers an open ticket. Refund and explain close it; resend ships the order again from the same
    /// lot at the shop's cost and closes it; escalate hands it to the platform, which closes it ``escalationDays`` later.
    mutating func replyTicket(id: Int, action: TicketAction) throws(EngineError) {
        guard id >= 1, id <= serviceBook.tickets.count else { throw .unknownTicket(id) }
        let ticket = serviceBook.tickets[id - 1]
        guard ticket.status == .open else { throw .ticketNotOpen(id: id, status: ticket.status.rawValue) }
        let order = orders[ticket.orderID - 1]
        if action == .resend, lots[order.lotID - 1].onDemand {
            // Daigou buys the replacement abroad again; a direct-delivery supplier sends another from its own stock.
            if let until = supplierDown(catalogue.products[lots[order.lotID - 1].product].supplierID) {
                throw .supplierUnavailable(supplier: catalogue.products[lots[order.lotID - 1].product].supplierID, untilDay: until)
            }
        } else if action == .resend {
            let onHand = lots[order.lotID - 1].onHand
            guard onHand >= order.quantity else {
                throw .nothingToResend(ticket: id, sku: order.sku, needed: order.quantity, onHand: onHand)
            }
        }
        let grade = World.grade(action, kind: ticket.kind, parcelLost: isParcelLost(order: order.id), parcelHeld: parcelHeld(order: order.id),
                                refunded: moneyReturned(order: order.id))
        serviceBook.tickets[id - 1].reply = action
        serviceBook.tickets[id - 1].replyDay = day
        serviceBook.tickets[id - 1].rightAnswer = grade != .wrong
        if day > ticket.replyDueDay { serviceBook.tickets[id - 1].replyBreached = true }
        switch action {
        case .refund:
            refundOrder(order.id, withFee: true)
            closeTicket(id)
        case .resend:
            if lots[order.lotID - 1].onDemand { _ = sourceOnDemand(lot: order.lotID - 1, quantity: order.quantity, drawCounterfeit: false) }
            resend(order: order, ticket: id)
            closeTicket(id)
        case .explain:
            closeTicket(id)
        case .escalate:
            serviceBook.tickets[id - 1].status = .escalated
        }
        if grade == .wrong { upsetCustomer(ticket: id, reason: "wrong answer") }
    }

    mutating func closeTicket(_ id: Int) {
        let ticket = serviceBook.tickets[id - 1]
        serviceBook.tickets[id - 1].status = .closed
        serviceBook.tickets[id - 1].closedDay = day
        if day > ticket.resolveDueDay { serviceBook.tickets[id - 1].resolveBreached = true }
        serviceBook.openTicketIDs.removeAll { $0 == id }
        serviceBook.openTicketByKey[ticket.orderID * 8 + ticket.kind.ordinal] = nil
    }

    /// Ships the order's units again from the same lot: onHand −= q, sold += q; their landed cost and the carrier's
    /// charge go to service_costs. The parcel travels like a new one of the lot's outbound channel.
    mutating func resend(order: Order, ticket: Int) {
        let lot = order.lotID - 1
        let home = scenario.homeCurrency
        let cost = Money(minor: divideHalfUp(Int128(lots[lot].costOnHand) * Int128(order.quantity), Int128(lots[lot].onHand)), home)
        lots[lot].onHand -= order.quantity
        lots[lot].sold += order.quantity
        lots[lot].costOnHand -= cost.minor
        ledger.post(day: day, kind: .resend, reference: order.id, (.serviceCosts, cost), (.inventory, -cost))
        let channel = lots[lot].outbound
        let freight = payCharge(channel.cost(chargeableGrams: channel.chargeableGrams(of: catalogue.products[lots[lot].product]) * order.quantity),
                                to: .serviceCosts, kind: .resend, reference: order.id)
        let transit = rng.integer(in: channel.transitDays, .tickets, day: day, entity: ticket, index: 9)
        let id = serviceBook.resends.count + 1
        serviceBook.resends.append(Resend(id: id, ticketID: ticket, orderID: order.id, lotID: order.lotID, quantity: order.quantity,
                                          day: day, dueDay: day + transit, costHome: (cost + freight).minor))
        World.schedule(&serviceBook.resendsDue, day: day + transit, id: id)
    }

    mutating func deliverResends() {
        guard day < serviceBook.resendsDue.count else { return }
        for id in serviceBook.resendsDue[day] { serviceBook.resends[id - 1].deliveredDay = day }
    }

    /// Schedules each new order for a "where is my parcel" check the day after its promised delivery.
    mutating func schedulePromiseChecks() {
        // A rebate site's shoppers bought from merchants, who answer for their parcels.
        guard mode != .rebate else { return }
        while serviceBook.promiseCursor < orders.count {
            let i = serviceBook.promiseCursor
            World.schedule(&serviceBook.promiseDue, day: orders[i].day + orders[i].promisedDays + 1, id: i + 1)
            serviceBook.promiseCursor += 1
        }
    }

    /// Parcels past their promise and still on their way: some customers ask where they are.
    mutating func checkLateParcels() {
        guard day < serviceBook.promiseDue.count else { return }
        let key = rng.key(.tickets, day: day)
        for id in serviceBook.promiseDue[day] where orders[id - 1].status == .shipped {
            if CounterRNG.bits(key: key, entity: id, index: 1) % 10_000 < UInt64(World.lateComplaintBP) {
                openTicket(order: id, kind: TicketKind.whereIsMyParcel.rawValue)
            }
        }
        serviceBook.promiseDue[day] = []
    }

    /// The SLA clocks: breaches of the reply and resolution deadlines, escalations the platform decides, expiry.
    mutating func runTicketClocks() {
        for id in serviceBook.openTicketIDs {
            let ticket = serviceBook.tickets[id - 1]
            if ticket.status == .open, ticket.replyDay == nil, day > ticket.replyDueDay, !ticket.replyBreached {
                serviceBook.tickets[id - 1].replyBreached = true
                upsetCustomer(ticket: id, reason: "no reply within \(World.replySLADays) day")
            }
            if day > ticket.resolveDueDay, !serviceBook.tickets[id - 1].resolveBreached {
                serviceBook.tickets[id - 1].resolveBreached = true
                upsetCustomer(ticket: id, reason: "not resolved within \(World.resolveSLADays) days")
            }
            if ticket.status == .escalated, let replied = ticket.replyDay, day >= replied + World.escalationDays {
                closeTicket(id)
            } else if ticket.status == .open, day >= ticket.day + World.ticketExpiryDays {
                serviceBook.tickets[id - 1].status = .expired
                serviceBook.tickets[id - 1].closedDay = day
                serviceBook.openTicketIDs.removeAll { $0 == id }
                serviceBook.openTicketByKey[ticket.orderID * 8 + ticket.kind.ordinal] = nil
            }
        }
    }

    /// The customer's reaction to a wrong answer or a missed deadline, drawn once per ticket.
    mutating func upsetCustomer(ticket id: Int, reason: String) {
        guard !serviceBook.tickets[id - 1].penalised else { return }
        serviceBook.tickets[id - 1].penalised = true
        let order = orders[serviceBook.tickets[id - 1].orderID - 1]
        var reactions: [String] = []
        if rng.uniform(.tickets, day: 0, entity: id, index: 1) * 10_000 < Double(World.upsetReviewBP) {
            let stars = 1 + rng.integer(in: 0...1, .tickets, day: 0, entity: id, index: 2)
            addReview(order: order.id, stars: stars, onTime: order.deliveredDay.map { $0 - order.day <= order.promisedDays } ?? false)
            reactions.append("bad-review")
        }
        if order.id <= payments.count, payments[order.id - 1].provider == PaymentProvider.card.id
            || payments[order.id - 1].provider == PaymentProvider.paypal.id,
           rng.uniform(.tickets, day: 0, entity: id, index: 3) * 10_000 < Double(World.upsetDisputeBP) {
            // A parcel that never reached the customer is disputed as not received; anything else is a complaint.
            // The issuer opens it 2–8 weeks after the sale (DOMAIN.md), at the earliest tomorrow: a refund in the meantime
            // settles it (`openChargeback` skips refunded orders).
            // Whether the parcel came is judged when the dispute opens (a late parcel may arrive in between).
            let lag = rng.integer(in: World.fraudDisputeDays, .tickets, day: 0, entity: id, index: 4)
            World.schedule(&riskBook.genuineDue, day: max(day + 1, payments[order.id - 1].day + lag), id: order.id)
            reactions.append("dispute")
        }
        serviceBook.tickets[id - 1].consequence = reactions.isEmpty ? nil : reactions.joined(separator: "+")
    }
}
