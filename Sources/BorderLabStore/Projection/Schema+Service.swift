import BorderLabCore
import GRDB

extension Schema {
    /// Service and supervision tables: tickets, returns, resends, inspections, supplier checks, regulator, badges.
    static let serviceTables: [TableDoc] = [
        TableDoc(name: "tickets", summary: "Customer-service tickets with their SLA clocks (reply within 1 day, resolved within 3) and the shop's reply.", columns: [
            c("id", "INTEGER", "ticket id"), c("day", "INTEGER", "day opened"), c("order_id", "INTEGER", "orders.id"),
            c("sku", "TEXT", "products.sku of the order"),
            c("kind", "TEXT", "where-is-my-parcel, damaged, counterfeit, tax-question or customs-hold"),
            c("status", "TEXT", "open (waiting for a reply), escalated (the platform decides), closed, or expired (never answered)"),
            c("reply", "TEXT", "the shop's reply: refund, resend, explain or escalate; NULL before it"),
            c("reply_day", "INTEGER", "day of the reply, NULL before it"),
            c("closed_day", "INTEGER", "day closed or expired, NULL while open"),
            c("reply_due_day", "INTEGER", "last day of the reply SLA"), c("resolve_due_day", "INTEGER", "last day of the resolution SLA"),
            c("right_answer", "INTEGER", "1 if the reply was right or generous for the kind, 0 if wrong, NULL before a reply"),
            c("reply_breached", "INTEGER", "1 if the first reply came after reply_due_day (or never)"),
            c("resolve_breached", "INTEGER", "1 if not closed by resolve_due_day"),
            c("consequence", "TEXT", "what the upset customer did: bad-review, dispute, bad-review+dispute; NULL if nothing"),
            c("reply_by", "TEXT", "who replied: student (tickets reply) or policy (a standing rule, tickets policy); NULL before a reply"),
        ], key: ["id"]),
        TableDoc(name: "refused_checkouts", summary: "Checkouts China's CBEC limits refused: no order, no payment, no parcel (kept out of orders).", columns: [
            c("id", "INTEGER", "refusal id"), c("day", "INTEGER", "simulated day"), c("customer_id", "INTEGER", "customers.id"),
            c("country", "TEXT", "customer country"), c("sku", "TEXT", "products.sku asked for"), c("quantity", "INTEGER", "units asked for"),
            c("dutiable_minor", "INTEGER", "dutiable value asked for (goods + freight + insurance), CNY fen"),
            c("currency", "TEXT", "CNY"),
            c("reason", "TEXT", "per-transaction-limit (more than one unit over 5,000 CNY) or annual-limit (over 26,000 CNY a year)"),
        ], key: ["id"]),
        TableDoc(name: "returns", summary: "Orders customers send back: refunded on arrival, back on the shelf or written off.", columns: [
            c("id", "INTEGER", "return id"), c("day", "INTEGER", "day the goods are back (due day while pending)"),
            c("decided_day", "INTEGER", "day the customer decided (the delivery day)"), c("order_id", "INTEGER", "orders.id"),
            c("sku", "TEXT", "products.sku"), c("lot_id", "INTEGER", "inventory.lot_id the units return to"),
            c("quantity", "INTEGER", "units"), c("reason", "TEXT", "changed-mind, defective or counterfeit"),
            c("status", "TEXT", "pending (on its way back) or received"),
            c("resaleable", "INTEGER", "1 if back on hand, 0 if written off (or still pending)"),
            c("refund_minor", "INTEGER", "goods and tax refunded, home-currency minor units (0 if refunded earlier by a ticket)"),
            c("shipping_minor", "INTEGER", "return shipping the shop paid, home-currency minor units"),
            c("currency", "TEXT", "home currency"),
        ], key: ["id"]),
        TableDoc(name: "resends", summary: "Parcels sent again at the shop's cost in reply to a ticket.", columns: [
            c("id", "INTEGER", "resend id"), c("ticket_id", "INTEGER", "tickets.id"), c("order_id", "INTEGER", "orders.id"),
            c("sku", "TEXT", "products.sku"), c("quantity", "INTEGER", "units"), c("day", "INTEGER", "day sent"),
            c("due_day", "INTEGER", "day it reaches the customer"), c("delivered_day", "INTEGER", "day delivered, NULL on the way"),
            c("cost_minor", "INTEGER", "landed cost of the units plus carrier charge, home-currency minor units"),
            c("currency", "TEXT", "home currency"),
        ], key: ["id"]),
        TableDoc(name: "inspections", summary: "ISO 2859-1 sampling inspections (single sampling, normal, general level II) of purchase-order batches.", columns: [
            c("id", "INTEGER", "inspection id"), c("purchase_order_id", "INTEGER", "purchase_orders.id"), c("sku", "TEXT", "products.sku"),
            c("aql", "TEXT", "acceptance quality limit, % nonconforming: 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0 or 6.5"),
            c("booked_day", "INTEGER", "day the inspection was ordered"), c("day", "INTEGER", "day performed (on arrival), NULL while pending"),
            c("lot_size", "INTEGER", "units of the batch on hand when inspected"),
            c("code_letter", "TEXT", "sample size code letter of the lot size (Table I, level II)"),
            c("plan_letter", "TEXT", "code letter of the plan used after following the master table's arrows"),
            c("sample_size", "INTEGER", "the plan's sample size n"), c("accept", "INTEGER", "acceptance number Ac"),
            c("reject", "INTEGER", "rejection number Re"), c("sampled", "INTEGER", "units inspected and used up (min(n, lot size))"),
            c("defects", "INTEGER", "nonconforming units found"), c("outcome", "TEXT", "pending, accepted or rejected"),
            c("fee_minor", "INTEGER", "inspection fee, home-currency minor units"),
            c("written_off_minor", "INTEGER", "landed cost written off (samples, and the batch when rejected), home minor units"),
            c("refund_minor", "INTEGER", "goods value the supplier refunded for a rejected batch, home minor units"),
            c("currency", "TEXT", "home currency"),
        ], key: ["id"]),
        TableDoc(name: "supplier_checks", summary: "Paid checks of suppliers' qualification documents and what they found.", columns: [
            c("id", "INTEGER", "check id"), c("day", "INTEGER", "day checked"), c("supplier_id", "TEXT", "suppliers.id"),
            c("finding", "TEXT", "genuine or fake"), c("fee_minor", "INTEGER", "fee paid, home-currency minor units"),
            c("currency", "TEXT", "home currency"),
        ], key: ["id"]),
        TableDoc(name: "regulator_actions", summary: "Monthly spot checks by the market regulator: tests, recalls and fines.", columns: [
            c("id", "INTEGER", "action id"), c("day", "INTEGER", "day of the check"), c("sku", "TEXT", "products.sku tested"),
            c("sampled", "INTEGER", "units tested"), c("counterfeit_found", "INTEGER", "counterfeit units among them"),
            c("units_recalled", "INTEGER", "units on hand written off by the recall"),
            c("fine_minor", "INTEGER", "fine paid, home-currency minor units"), c("currency", "TEXT", "home currency"),
            c("outcome", "TEXT", "passed or recall (the listing is delisted)"),
        ], key: ["id"]),
        TableDoc(name: "badges", summary: "Badges listings show shoppers: 'verified' when the shop verified the supplier's documents as genuine.", columns: [
            c("sku", "TEXT", "listings.sku"), c("badge", "TEXT", "verified"), c("supplier_id", "TEXT", "suppliers.id"),
            c("utility", "REAL", "extra choice utility the badge gives (logit scale)"),
        ], key: ["sku", "badge"]),
    ]
}

extension ProjectionWriter {
    static func writeService(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        let book = world.serviceBook
        let home = world.scenario.homeCurrency.rawValue
        var s = try inserter(db, "tickets")
        for t in book.tickets {
            s.add(t.id); s.add(t.day); s.add(t.orderID); s.add(world.orders[t.orderID - 1].sku); s.add(t.kind.rawValue)
            s.add(t.status.rawValue); s.addText(t.reply?.rawValue); s.add(t.replyDay); s.add(t.closedDay)
            s.add(t.replyDueDay); s.add(t.resolveDueDay); s.add(t.rightAnswer.map { $0 ? 1 : 0 })
            s.add(t.replyBreached || (t.replyDay == nil && world.day > t.replyDueDay)); s.add(t.resolveBreached); s.addText(t.consequence)
            s.addText(t.replyDay == nil ? nil : t.byPolicy ? "policy" : "student")
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "refused_checkouts")
        for r in world.refusedCheckouts {
            s.add(r.id); s.add(r.day); s.add(r.customer); s.add(r.country); s.add(r.sku); s.add(r.quantity)
            s.add(r.dutiableValue.minor); s.add(r.dutiableValue.currency.rawValue); s.add(r.reason.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "returns")
        for r in book.returns {
            s.add(r.id); s.add(r.dueDay); s.add(r.decidedDay); s.add(r.orderID); s.add(r.sku); s.add(r.lotID); s.add(r.quantity)
            s.add(r.reason.rawValue); s.add(r.received ? "received" : "pending"); s.add(r.resaleable)
            s.add(r.refundHome); s.add(r.shippingHome); s.add(home)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "resends")
        for r in book.resends {
            s.add(r.id); s.add(r.ticketID); s.add(r.orderID); s.add(world.orders[r.orderID - 1].sku); s.add(r.quantity)
            s.add(r.day); s.add(r.dueDay); s.add(r.deliveredDay); s.add(r.costHome); s.add(home)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "inspections")
        for i in book.inspections {
            s.add(i.id); s.add(i.purchaseOrderID); s.add(world.purchaseOrders[i.purchaseOrderID - 1].sku); s.add(i.aql)
            s.add(i.bookedDay); s.add(i.day); s.add(i.lotSize)
            s.addText(i.plan.map { String($0.codeLetter) }); s.addText(i.plan.map { String($0.planLetter) })
            s.add(i.plan?.sampleSize); s.add(i.plan?.accept); s.add(i.plan?.reject)
            s.add(i.sampled); s.add(i.defects); s.add(i.outcome); s.add(i.feeHome); s.add(i.writtenOffHome); s.add(i.refundHome); s.add(home)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "supplier_checks")
        for c in book.supplierChecks {
            s.add(c.id); s.add(c.day); s.add(c.supplierID); s.add(c.genuine ? "genuine" : "fake"); s.add(c.feeHome); s.add(home)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "regulator_actions")
        for a in book.regulatorActions {
            s.add(a.id); s.add(a.day); s.add(a.sku); s.add(a.sampled); s.add(a.counterfeitFound); s.add(a.unitsRecalled)
            s.add(a.fineHome); s.add(home); s.add(a.outcome)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "badges")
        for (li, listing) in world.listings.enumerated() where world.hasVerifiedBadge(listing: li) {
            s.add(listing.sku); s.add("verified"); s.add(world.catalogue.products[listing.product].supplierID)
            s.add(world.serviceBook.badgeBonus[li])
            try s.row(); rows += 1
        }
        s.finalize()
        return rows
    }
}

extension SQLiteInserter {
    /// Binds an optional text (NULL when nil).
    @inline(__always) mutating func addText(_ value: String?) {
        if let value { add(value) } else { add(Int?.none) }
    }
}
