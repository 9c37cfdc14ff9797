import BorderLabCore
import GRDB

extension Schema {
    /// Risk tables: chargebacks, the monthly dispute monitor, currency conversions.
    static let riskTables: [TableDoc] = [
        TableDoc(name: "chargebacks", summary: "Disputed payments the provider took back, with its dispute fee (the goods are not returned).", columns: [
            c("id", "INTEGER", "chargeback id"), c("payment_id", "INTEGER", "payments.id"), c("order_id", "INTEGER", "orders.id"),
            c("provider", "TEXT", "card, paypal or cn-wallet"),
            c("reason", "TEXT", "fraud (stolen card, disputed by its owner), not-received or complaint (genuine customers)"),
            c("opened_day", "INTEGER", "day the dispute was filed (counts in that month's dispute ratio)"),
            c("opened_date", "TEXT", "calendar date of opened_day"),
            c("due_day", "INTEGER", "day the provider takes the money: opened_day, or the payment's settle_day if later"),
            c("status", "TEXT", "open (waiting for the payment to settle) or charged_back"),
            c("amount_minor", "INTEGER", "payment taken back (goods and tax), minor units of currency"),
            c("currency", "TEXT", "currency of the payment"),
            c("fee_minor", "INTEGER", "provider's dispute fee, minor units of fee_currency (card 15 USD, paypal 20 USD, cn-wallet 20 CNY)"),
            c("fee_currency", "TEXT", "currency of the fee"),
            c("amount_paid_minor", "INTEGER", "cash that left for the amount, minor units of amount_paid_currency; NULL while open"),
            c("amount_paid_currency", "TEXT", "the payment currency when the shop held enough of it, else the home currency (bought at the day's rate plus the bank's spread)"),
            c("fee_paid_minor", "INTEGER", "cash that left for the fee; NULL while open"),
            c("fee_paid_currency", "TEXT", "currency the fee was paid in"),
        ], key: ["id"]),
        TableDoc(name: "dispute_monitor", summary: "The card programmes' monthly dispute ratio, (fraud reports + disputes) / settled card-not-present transactions, judged on the first day of the next month by every programme in force (`borderlab rules`, jurisdiction CARD). Only card payments count: PayPal and cn-wallet are not card transactions.", columns: [
            c("id", "INTEGER", "row id"), c("month", "TEXT", "calendar month, YYYY-MM"),
            c("first_day", "INTEGER", "first simulated day of the month (0 if the world started in it)"),
            c("last_day", "INTEGER", "last simulated day of the month"),
            c("card_payments", "INTEGER", "card payments settled in the month, by the payment's settle_day (the denominator: settled card-not-present transactions; the shop sells online, so every card payment is card-not-present)"),
            c("fraud_chargebacks", "INTEGER", "fraud chargebacks on card payments opened in the month"),
            c("other_disputes", "INTEGER", "not-received and complaint disputes on card payments opened in the month"),
            c("disputes", "INTEGER", "fraud_chargebacks + other_disputes: disputes on card payments opened in the month"),
            c("fraud_reports", "INTEGER", "fraud reports (TC40) on card payments in the month: the card owner of every fraud chargeback also reports the fraud, so it equals fraud_chargebacks"),
            c("reports_and_disputes", "INTEGER", "fraud_reports + disputes (the numerator: a fraud chargeback counts twice, a genuine dispute once)"),
            c("paypal_disputes", "INTEGER", "disputes on PayPal payments opened in the month (not card transactions, not in the ratio)"),
            c("wallet_disputes", "INTEGER", "disputes on cn-wallet payments opened in the month (not in the ratio)"),
            c("ratio_bp", "INTEGER", "reports_and_disputes / card_payments, basis points, rounded half-up; NULL without settled card payments"),
            c("threshold_bp", "INTEGER", "the lowest threshold of the programmes in force, basis points"),
            c("minimum_disputes", "INTEGER", "the programmes apply from this many fraud reports plus disputes (reports_and_disputes) in the month; the smallest minimum in force"),
            c("rule_id", "TEXT", "the rule rows in force on the month's first day, one per card programme, comma-separated (Visa's VAMP row, if any, then Mastercard's)"),
            c("excessive", "INTEGER", "1 when at least one programme in force found the month excessive: reports_and_disputes >= its minimum and the ratio reached its threshold"),
            c("excessive_rules", "TEXT", "the rule rows that found the month excessive, comma-separated; empty when excessive = 0"),
            c("penalty_minor", "INTEGER", "penalty charged, once a month however many programmes flag it: per dispute × disputes at the first flagging rule's rate when excessive, else 0; minor units of penalty_currency"),
            c("penalty_currency", "TEXT", "currency of the penalty"),
            c("penalty_paid_minor", "INTEGER", "cash that left for it, minor units of penalty_paid_currency (0 when not excessive)"),
            c("penalty_paid_currency", "TEXT", "currency the penalty was paid in"),
            c("verified_checkouts", "INTEGER", "checkouts that passed the shop's extra verification in the month"),
            c("fraud_stopped", "INTEGER", "fraud bots the extra verification stopped in the month"),
            c("genuine_lost", "INTEGER", "genuine shoppers who gave up at the extra verification in the month"),
            c("judged_day", "INTEGER", "day the month was judged"),
        ], key: ["id"]),
        TableDoc(name: "fx_conversions", summary: "Cash the shop converted between currencies (`borderlab fx convert`).", columns: [
            c("id", "INTEGER", "conversion id"), c("day", "INTEGER", "day converted"), c("date", "TEXT", "calendar date"),
            c("from_minor", "INTEGER", "amount given, minor units of from_currency"), c("from_currency", "TEXT", "currency given"),
            c("to_minor", "INTEGER", "amount received, minor units of to_currency: at mid less the spread, rounded half-up once"),
            c("to_currency", "TEXT", "currency received"),
            c("from_cny_per_unit_micro", "INTEGER", "mid rate of from_currency that day, CNY per unit in millionths"),
            c("to_cny_per_unit_micro", "INTEGER", "mid rate of to_currency that day, CNY per unit in millionths"),
            c("spread_bp", "INTEGER", "the bank's spread, basis points"),
        ], key: ["id"]),
    ]
}

extension ProjectionWriter {
    static func writeRisk(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        let book = world.riskBook
        var s = try inserter(db, "chargebacks")
        for c in book.chargebacks {
            s.add(c.id); s.add(c.paymentID); s.add(c.orderID); s.add(c.provider); s.add(c.reason.rawValue)
            s.add(c.dayOpened); s.add(world.date(c.dayOpened).iso); s.add(c.dayDue); s.add(c.status.rawValue)
            s.add(c.amount.minor); s.add(c.amount.currency.rawValue); s.add(c.fee.minor); s.add(c.fee.currency.rawValue)
            s.add(c.amountPaid?.minor); addText(&s, c.amountPaid?.currency.rawValue)
            s.add(c.feePaid?.minor); addText(&s, c.feePaid?.currency.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "dispute_monitor")
        for m in book.months {
            let t = m.tally
            s.add(m.id); s.add(t.label); s.add(m.firstDay); s.add(m.lastDay); s.add(t.cardNotPresentPayments)
            s.add(t.fraudChargebacks); s.add(t.otherDisputes); s.add(t.disputes); s.add(t.fraudReports); s.add(t.reportsAndDisputes)
            s.add(t.paypalDisputes); s.add(t.walletDisputes); s.add(m.ratioBP)
            s.add(m.checks.map(\.threshold.ratioBP).min() ?? 0); s.add(m.checks.map(\.threshold.minimumCount).min() ?? 0)
            s.add(m.ruleIDs.joined(separator: ",")); s.add(m.excessive); s.add(m.excessiveRuleIDs.joined(separator: ","))
            s.add(m.penalty.minor); s.add(m.penalty.currency.rawValue); s.add(m.penaltyPaid.minor); s.add(m.penaltyPaid.currency.rawValue)
            s.add(t.verifiedCheckouts); s.add(t.fraudStopped); s.add(t.genuineLost); s.add(m.dayJudged)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "fx_conversions")
        for x in book.conversions {
            s.add(x.id); s.add(x.day); s.add(world.date(x.day).iso); s.add(x.from.minor); s.add(x.from.currency.rawValue)
            s.add(x.to.minor); s.add(x.to.currency.rawValue); s.add(x.fromMidMicro); s.add(x.toMidMicro); s.add(x.spreadBP)
            try s.row(); rows += 1
        }
        s.finalize()
        return rows
    }

    /// Binds a text value or NULL.
    static func addText(_ s: inout SQLiteInserter, _ value: String?) {
        if let value { s.add(value) } else { s.add(Int?.none) }
    }
}
