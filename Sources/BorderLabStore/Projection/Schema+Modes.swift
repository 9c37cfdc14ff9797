import BorderLabCore
import GRDB

extension Schema {
    /// Tables of the business modes and the instructor's events.
    static let modeTables: [TableDoc] = [
        TableDoc(name: "shop_settings", summary: "The shop's mode and standing settings (one row per setting; `borderlab shop settings`).", columns: [
            c("key", "TEXT", "setting name (mode, daigou.service_fee, platform.commission, …; standing rules tickets.policy.KIND, customs.policy, alerts.cash_below)"),
            c("value", "TEXT", "its value as the shop set it (percent, AMOUNT CUR, on/off, a ticket answer, release, or off)"),
        ], key: ["key"]),
        TableDoc(name: "agreements", summary: "Supply agreements of a direct-delivery platform.", columns: [
            c("id", "INTEGER", "agreement id"), c("supplier_id", "TEXT", "suppliers.id"), c("day", "INTEGER", "day signed"),
            c("cost_minor", "INTEGER", "up-front onboarding cost, minor units"), c("currency", "TEXT", "currency of cost_minor"),
        ], key: ["id"]),
        TableDoc(name: "rebate_attributions", summary: "A rebate site's commissions: one row per attributed sale, or per fake order from click fraud.", columns: [
            c("id", "INTEGER", "attribution id"), c("day", "INTEGER", "day of the sale"),
            c("order_id", "INTEGER", "orders.id, or 0 for a fake order placed by a click-fraud bot"), c("sku", "TEXT", "products.sku"),
            c("commission_minor", "INTEGER", "commission the merchant owes, minor units"),
            c("rebate_minor", "INTEGER", "cashback paid to the shopper at once, minor units"), c("currency", "TEXT", "home currency"),
            c("confirm_day", "INTEGER", "day the merchant confirms or reverses it"),
            c("status", "TEXT", "pending, confirmed or reversed"),
        ], key: ["id"]),
        TableDoc(name: "competitor_prices", summary: "The going price: what competing sellers charge for each product of the market, per customer country, on day 0, every 7th day and today (`borderlab market prices`).", columns: [
            c("day", "INTEGER", "day"), c("sku", "TEXT", "products.sku"), c("category", "TEXT", "product category"),
            c("country", "TEXT", "customer country"), c("competitors", "INTEGER", "competing sellers in the category (more enter over time)"),
            c("level_bp", "INTEGER", "going price as basis points of the catalogue's typical retail (falls as competitors enter; season discounts; FX pass-through)"),
            c("price_minor", "INTEGER", "going price of one unit before tax, minor units"), c("currency", "TEXT", "currency of price_minor"),
        ], key: ["day", "sku", "country"]),
        TableDoc(name: "traffic", summary: "Traffic bought per day: a rebate site's ads, or a shop's paid marketing (`marketing.daily_budget`).", columns: [
            c("day", "INTEGER", "day"), c("spend_minor", "INTEGER", "ad spend, minor units"), c("currency", "TEXT", "currency"),
            c("clicks", "INTEGER", "clicks bought"), c("bot_clicks", "INTEGER", "of which by bots (click fraud)"),
        ], key: ["day"]),
        TableDoc(name: "platform_members", summary: "Companies on a B2B platform: Chinese suppliers and overseas buyers.", columns: [
            c("id", "INTEGER", "member id"), c("side", "TEXT", "supplier or buyer"), c("country", "TEXT", "ISO country code"),
            c("joined_day", "INTEGER", "day joined"), c("left_day", "INTEGER", "day left, NULL while a member"),
            c("fees_paid_minor", "INTEGER", "registration fees paid so far, minor units"), c("currency", "TEXT", "home currency"),
            c("trades", "INTEGER", "trades so far"),
        ], key: ["id"]),
        TableDoc(name: "platform_trades", summary: "Trades between B2B platform members, and the platform's commission on each.", columns: [
            c("id", "INTEGER", "trade id"), c("day", "INTEGER", "day"), c("buyer_id", "INTEGER", "platform_members.id of the buyer"),
            c("supplier_id", "INTEGER", "platform_members.id of the supplier"), c("value_minor", "INTEGER", "trade value, minor units"),
            c("commission_minor", "INTEGER", "the platform's service fee, minor units"), c("currency", "TEXT", "currency (USD)"),
            c("customs_mode", "TEXT", "9710 (B2B direct export) or 9810 (to an overseas warehouse)"), c("units", "INTEGER", "units traded"),
        ], key: ["id"]),
        TableDoc(name: "scheduled_events", summary: "The instructor's events of the scenario file (what happens on which date).", columns: [
            c("id", "INTEGER", "position in the scenario file"), c("date", "TEXT", "calendar date"),
            c("day", "INTEGER", "day number (negative: before the start)"), c("kind", "TEXT", "fx-shock, port-strike, policy-change, supplier-failure, viral-review, positive-list-removal, cbec-limits, fraud-wave or counterfeit-batch"),
            c("currency", "TEXT", "fx-shock: the currency"), c("percent", "INTEGER", "fx-shock: the move; policy-change: the extra duty"),
            c("country", "TEXT", "port-strike or policy-change: the country (ALL: every port)"), c("days", "INTEGER", "how long it lasts"),
            c("supplier", "TEXT", "supplier-failure: suppliers.id"), c("sku", "TEXT", "viral-review: products.sku"),
            c("stars", "INTEGER", "viral-review: the stars"), c("note", "TEXT", "the instructor's note"),
            c("category", "TEXT", "positive-list-removal: the category leaving the list"),
            c("per_transaction", "INTEGER", "cbec-limits: the new per-order limit, whole CNY"),
            c("annual", "INTEGER", "cbec-limits: the new annual limit, whole CNY"),
        ], key: ["id"]),
    ]
}

extension ProjectionWriter {
    static func writeModes(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        let home = world.scenario.homeCurrency.rawValue
        var s = try inserter(db, "shop_settings")
        for (key, value) in world.settingsRows() {
            s.add(key); s.add(value)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "agreements")
        for (i, a) in world.modeBook.agreements.enumerated() {
            s.add(i + 1); s.add(a.supplierID); s.add(a.day); s.add(a.cost.minor); s.add(a.cost.currency.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "rebate_attributions")
        for a in world.modeBook.attributions {
            s.add(a.id); s.add(a.day); s.add(a.orderID); s.add(a.sku); s.add(a.commission.minor); s.add(a.rebate.minor)
            s.add(home); s.add(a.confirmDay); s.add(a.status.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "traffic")
        for t in world.modeBook.traffic {
            s.add(t.day); s.add(t.spend.minor); s.add(t.spend.currency.rawValue); s.add(t.clicks); s.add(t.botClicks)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "competitor_prices")
        let market = world.catalogue.products.filter { product in
            world.catalogue.supplier(product.supplierID).map { ($0.country.code == "CN") != world.scenario.isImport } ?? false
        }
        for d in 0...world.day where d % 7 == 0 || d == world.day {
            for product in market {
                for country in world.scenario.customerCountries {
                    let bp = world.goingLevelBP(product: product, country: country, day: d)
                    s.add(d); s.add(product.id); s.add(product.category.rawValue); s.add(country)
                    s.add(world.competitors(in: product.category, day: d)); s.add(bp)
                    s.add(product.typicalRetail.basisPoints(bp).minor); s.add(product.typicalRetail.currency.rawValue)
                    try s.row(); rows += 1
                }
            }
        }
        s.finalize()
        s = try inserter(db, "platform_members")
        for m in world.modeBook.platform.members {
            s.add(m.id); s.add(m.side.rawValue); s.add(m.country); s.add(m.joinedDay); s.add(m.leftDay); s.add(m.feesPaid.minor)
            s.add(home); s.add(m.trades)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "platform_trades")
        for t in world.modeBook.platform.trades {
            s.add(t.id); s.add(t.day); s.add(t.buyer); s.add(t.supplier); s.add(t.value.minor); s.add(t.commission.minor)
            s.add(t.value.currency.rawValue); s.add(t.customs.rawValue); s.add(t.units)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "scheduled_events")
        let start = world.header.startDate.daysSinceEpoch
        for (i, e) in world.header.events.enumerated() {
            s.add(i + 1); s.add(e.date.iso); s.add(e.date.daysSinceEpoch - start); s.add(e.kind.rawValue)
            s.add(e.currency?.rawValue); s.add(e.percent); s.add(e.country); s.add(e.days); s.add(e.supplier); s.add(e.sku)
            s.add(e.stars); s.add(e.note); s.add(e.category); s.add(e.perTransaction); s.add(e.annual)
            try s.row(); rows += 1
        }
        s.finalize()
        return rows
    }
}
