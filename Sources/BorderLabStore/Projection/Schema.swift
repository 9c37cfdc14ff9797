import BorderLabCore

/// One column of a table students query: its SQL type and what it holds, with its unit.
public struct ColumnDoc: Sendable {
    public let name: String
    public let type: String
    public let meaning: String
}

/// One table of the public SQL contract ("the big-data platform"), documented for `borderlab sql --schema`.
public struct TableDoc: Sendable {
    public let name: String
    public let summary: String
    public let columns: [ColumnDoc]
    /// The columns that order rows canonically (the digest and `verify` walk rows in this order).
    public let key: [String]

    var createSQL: String {
        "CREATE TABLE \(name) (" + columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
    }

    var insertSQL: String {
        "INSERT INTO \(name) VALUES (" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }
}

/// The schema of `sandbox.sqlite`. Table and column names are a public contract: exercises and students query them.
///
/// Money columns end in `_minor` and hold integer minor units (fen, cents, yen) of the row's `currency`.
/// Days count from the scenario's start date (day 0); `date` columns give the calendar date as `YYYY-MM-DD`.
public enum Schema {
    static func c(_ name: String, _ type: String, _ meaning: String) -> ColumnDoc { ColumnDoc(name: name, type: type, meaning: meaning) }

    /// Every table: the foundation's, then each mechanic's (Schema+Customs, +Risk, +Service, +Modes).
    public static let tables: [TableDoc] = coreTables + customsTables + riskTables + serviceTables + modeTables

    static let coreTables: [TableDoc] = [
        TableDoc(name: "suppliers", summary: "Suppliers of the market, one row each.", columns: [
            c("id", "TEXT", "supplier id"), c("name", "TEXT", "company name"), c("country", "TEXT", "ISO country code"),
            c("city", "TEXT", "city"), c("currency", "TEXT", "currency of its price list"),
            c("daily_capacity", "INTEGER", "units it can dispatch per day"), c("rating", "REAL", "buyers' rating, 1–5"),
        ], key: ["id"]),
        TableDoc(name: "products", summary: "Every product of the supplier market, with physical data and tax treatment.", columns: [
            c("sku", "TEXT", "product id"), c("name", "TEXT", "product name"), c("category", "TEXT", "category"),
            c("supplier_id", "TEXT", "suppliers.id"), c("weight_g", "INTEGER", "actual weight, grams"),
            c("length_cm", "INTEGER", "length, cm"), c("width_cm", "INTEGER", "width, cm"), c("height_cm", "INTEGER", "height, cm"),
            c("chargeable_g", "INTEGER", "max(actual, volumetric L×W×H/6000) weight, grams"),
            c("tax_class", "TEXT", "tax class name"),
            c("vat_bp", "INTEGER", "China import VAT in force on the world's date, basis points"),
            c("consumption_tax_bp", "INTEGER", "China consumption tax on one unit at the shop's price (listing, else typical retail, in CNY) on the world's date, basis points: 15% for cosmetics from 10 CNY per ml or g (15 per piece), 20% for watches from 10,000 CNY, 10% for pearls and gems, 0 otherwise"),
            c("tariff_bp", "INTEGER", "China MFN tariff (paid only by a single item above the CBEC per-transaction limit), basis points"),
            c("hs_subheading", "TEXT", "the good's 6-digit HS subheading (the EU's flat duty counts distinct ones per parcel)"),
            c("net_content", "TEXT", "net content of one unit (e.g. 30 ml, 4 g, 10 pcs) where China's consumption tax measures the price by it, else NULL"),
            c("positive_list", "INTEGER", "1 if on China's CBEC positive list"), c("quality", "REAL", "intrinsic quality, 0–1"),
            c("defect_bp", "INTEGER", "defective share, basis points"), c("moq", "INTEGER", "minimum order quantity"),
            c("lead_time_days", "INTEGER", "days from order to dispatch"),
            c("typical_retail_minor", "INTEGER", "typical retail price in the destination market, minor units"),
            c("typical_retail_currency", "TEXT", "currency of typical_retail_minor"),
        ], key: ["sku"]),
        TableDoc(name: "supplier_offers", summary: "Volume price tiers: from min_quantity units, each costs unit_price_minor.", columns: [
            c("sku", "TEXT", "products.sku"), c("supplier_id", "TEXT", "suppliers.id"),
            c("min_quantity", "INTEGER", "tier starts at this quantity (the first tier is the MOQ)"),
            c("unit_price_minor", "INTEGER", "unit price, minor units"), c("currency", "TEXT", "supplier's currency"),
        ], key: ["sku", "min_quantity"]),
        TableDoc(name: "customers", summary: "The customer bots.", columns: [
            c("id", "INTEGER", "customer id"), c("country", "TEXT", "ISO country code"), c("segment", "TEXT", "behaviour segment"),
            c("budget", "REAL", "typical budget for one purchase, major units of the country's currency"),
            c("cbec_year_to_date_minor", "INTEGER", "China CBEC dutiable value bought this calendar year, fen"),
        ], key: ["id"]),
        TableDoc(name: "listings", summary: "The shop's storefront: products it offers and their prices.", columns: [
            c("sku", "TEXT", "products.sku"), c("price_minor", "INTEGER", "price, minor units"), c("currency", "TEXT", "storefront currency"),
            c("listed_day", "INTEGER", "day first listed"), c("active", "INTEGER", "1 if on sale, 0 if delisted"),
            c("review_count", "INTEGER", "number of reviews"), c("rating", "REAL", "average stars, NULL before the first review"),
        ], key: ["sku"]),
        TableDoc(name: "inventory", summary: "Stock lots: one SKU at one location, shipped to customers by one channel.", columns: [
            c("lot_id", "INTEGER", "lot id"), c("sku", "TEXT", "products.sku"),
            c("location", "TEXT", "bonded:CN (1210), hub:<country> (9610 import), warehouse:CN (9610 export), overseas:<country> (9810)"),
            c("customs_mode", "TEXT", "9610, 1210, 9710 or 9810"), c("outbound_channel", "TEXT", "channel each customer order ships by"),
            c("on_hand", "INTEGER", "units ready to sell"), c("in_transit", "INTEGER", "units bought, not yet arrived"),
            c("received", "INTEGER", "units received so far"), c("sold", "INTEGER", "units shipped to customers so far (gross)"),
            c("purchased", "INTEGER", "units bought for this lot"),
            c("sold_net", "INTEGER", "units with customers for good: sold − returned − lost − held_at_customs"),
            c("held_at_customs", "INTEGER", "units in parcels customs holds now"),
            c("used_in_inspection", "INTEGER", "units used up as inspection samples"),
            c("lost", "INTEGER", "units in parcels lost in transit"),
            c("written_off", "INTEGER", "units written off (seized, recalled, damaged, rejected batches)"),
            c("returned", "INTEGER", "units customers sent back (then on hand again or written off)"),
            c("on_demand", "INTEGER", "1 when bought only as customers order (daigou, direct-delivery, rebate)"),
            c("cost_on_hand_minor", "INTEGER", "landed cost of the units on hand, home-currency minor units"),
            c("currency", "TEXT", "home currency"),
        ], key: ["lot_id"]),
        TableDoc(name: "purchase_orders", summary: "Purchases from suppliers, with their landed cost.", columns: [
            c("id", "INTEGER", "purchase order id"), c("day", "INTEGER", "day ordered"), c("sku", "TEXT", "products.sku"),
            c("supplier_id", "TEXT", "suppliers.id"), c("quantity", "INTEGER", "units"),
            c("unit_price_minor", "INTEGER", "supplier's unit price, minor units of unit_currency"), c("unit_currency", "TEXT", "supplier's currency"),
            c("goods_minor", "INTEGER", "goods converted at the day's rate plus the bank's spread, home minor units"),
            c("freight_minor", "INTEGER", "freight (bulk or inland), home minor units"),
            c("insurance_minor", "INTEGER", "cargo insurance, home minor units"),
            c("duty_minor", "INTEGER", "import duty paid by the shop (9810), home minor units"),
            c("landed_minor", "INTEGER", "goods + freight + insurance + duty"), c("currency", "TEXT", "home currency"),
            c("channel", "TEXT", "channel named at purchase"), c("customs_mode", "TEXT", "customs mode"),
            c("lot_id", "INTEGER", "inventory.lot_id"), c("dispatch_day", "INTEGER", "day the supplier dispatches"),
            c("arrival_day", "INTEGER", "day the goods arrive"), c("status", "TEXT", "ordered, in_transit or received"),
        ], key: ["id"]),
        TableDoc(name: "orders", summary: "Customer orders, one row each (one SKU, one parcel).", columns: [
            c("id", "INTEGER", "order id"), c("day", "INTEGER", "day placed"), c("date", "TEXT", "calendar date placed"),
            c("customer_id", "INTEGER", "customers.id"), c("country", "TEXT", "customer's country"),
            c("sku", "TEXT", "products.sku"), c("quantity", "INTEGER", "units"), c("lot_id", "INTEGER", "inventory.lot_id shipped from"),
            c("channel", "TEXT", "delivery channel"), c("customs_mode", "TEXT", "customs mode"),
            c("goods_minor", "INTEGER", "goods value paid, minor units"), c("freight_minor", "INTEGER", "shipping charged to the customer"),
            c("tax_minor", "INTEGER", "tax and duty collected at checkout"), c("total_minor", "INTEGER", "goods + freight + tax"),
            c("currency", "TEXT", "currency the customer paid in"),
            c("tax_scheme", "TEXT", "which rule applied: cbec-retail, cbec-single-item, EU-IOSS, EU-duty-relief, EU-low-value-exempt, EU-import, US-de-minimis, US-formal, JP-small-exempt, JP-import, GB-…, AU-…, or COUNTRY-local-sale (9810 stock); +policy when an instructor's extra duty applied"),
            c("cost_minor", "INTEGER", "landed cost of the units sold, home minor units"), c("cost_currency", "TEXT", "home currency"),
            c("promised_days", "INTEGER", "delivery promise shown, days"),
            c("status", "TEXT", "shipped, delivered, lost (in transit), seized (by customs) or returned (by the customer)"),
            c("delivered_day", "INTEGER", "day delivered, NULL until then"),
            c("vat_bp", "INTEGER", "VAT, GST, consumption or sales tax rate the order was taxed at (China's import VAT for CBEC), basis points; 0 when exempt"),
            c("consumption_tax_bp", "INTEGER", "China consumption tax rate applied, basis points (by subheading and price per ml, g or piece)"),
            c("tariff_bp", "INTEGER", "tariff or duty rate applied, basis points, with any surcharge (0 within the CBEC limits)"),
            c("cbec_dutiable_minor", "INTEGER", "China CBEC dutiable value counted toward the customer's annual limit, fen (0 outside cn-import)"),
        ], key: ["id"]),
        TableDoc(name: "order_lines", summary: "Order lines (one per order today; kept separate for multi-line orders).", columns: [
            c("order_id", "INTEGER", "orders.id"), c("line", "INTEGER", "line number"), c("sku", "TEXT", "products.sku"),
            c("quantity", "INTEGER", "units"), c("unit_price_minor", "INTEGER", "unit price paid, minor units"),
            c("currency", "TEXT", "currency"),
        ], key: ["order_id", "line"]),
        TableDoc(name: "shipments", summary: "Parcels to customers.", columns: [
            c("id", "INTEGER", "shipment id"), c("order_id", "INTEGER", "orders.id"), c("channel", "TEXT", "carrier channel"),
            c("ship_day", "INTEGER", "day shipped"), c("due_day", "INTEGER", "day it arrives"),
            c("delivered_day", "INTEGER", "day delivered, NULL while in transit"),
            c("chargeable_g", "INTEGER", "chargeable weight, grams"), c("cost_minor", "INTEGER", "carrier charge, minor units"),
            c("currency", "TEXT", "currency of cost_minor"), c("status", "TEXT", "in_transit, delivered or lost"),
        ], key: ["id"]),
        TableDoc(name: "payments", summary: "Customer payments through providers, settled after a lag.", columns: [
            c("id", "INTEGER", "payment id"), c("order_id", "INTEGER", "orders.id"), c("provider", "TEXT", "card, paypal or cn-wallet; merchant for a rebate site's commission payments"),
            c("day", "INTEGER", "day captured"), c("amount_minor", "INTEGER", "amount captured, minor units: the order's total plus a daigou shop's service fee (amount − orders.total = the fee)"),
            c("fee_minor", "INTEGER", "provider's fee"), c("tax_minor", "INTEGER", "tax remitted at settlement"),
            c("currency", "TEXT", "currency paid"), c("settle_day", "INTEGER", "day it settles"),
            c("status", "TEXT", "captured, settled, or charged_back (see chargebacks)"),
            c("settled_home_minor", "INTEGER", "home-currency amount received, NULL until settled or when the payout was held in the payment currency (fx.auto_convert off)"),
            c("risk_score", "INTEGER", "the provider's fraud score at checkout, 0 (safe) to 100 (likely fraud)"),
            c("verified", "INTEGER", "1 when the checkout passed the shop's extra verification (risk.verify_above, risk.verify_score_above)"),
            c("payout_currency", "TEXT", "currency the payout reached the shop's cash in: home, or the payment currency when held; NULL until settled"),
        ], key: ["id"]),
        TableDoc(name: "fx_rates", summary: "Daily mid exchange rates against CNY.", columns: [
            c("day", "INTEGER", "day"), c("date", "TEXT", "calendar date"), c("currency", "TEXT", "currency"),
            c("cny_per_unit_micro", "INTEGER", "CNY per one unit of the currency, in millionths (exact)"),
            c("cny_per_unit", "REAL", "the same as a decimal number"),
        ], key: ["day", "currency"]),
        TableDoc(name: "ledger", summary: "The double-entry journal: debits equal credits in every currency.", columns: [
            c("line_id", "INTEGER", "journal line id"), c("entry", "INTEGER", "journal entry id (lines of one entry balance per currency)"),
            c("day", "INTEGER", "day posted"), c("account", "TEXT", "account name (see below)"),
            c("debit_minor", "INTEGER", "debit, minor units"), c("credit_minor", "INTEGER", "credit, minor units"),
            c("currency", "TEXT", "currency"), c("memo", "TEXT", "what the entry is for"),
        ], key: ["line_id"]),
        TableDoc(name: "reviews", summary: "Customer reviews after delivery.", columns: [
            c("id", "INTEGER", "review id"), c("order_id", "INTEGER", "orders.id"), c("sku", "TEXT", "products.sku"),
            c("day", "INTEGER", "day written"), c("stars", "INTEGER", "1–5"), c("on_time", "INTEGER", "1 if delivered within the promise"),
        ], key: ["id"]),
        TableDoc(name: "events", summary: "What happened in the world: peaks, arrivals, stock-outs.", columns: [
            c("id", "INTEGER", "event id"), c("day", "INTEGER", "day"), c("date", "TEXT", "calendar date"),
            c("kind", "TEXT", "season-peak, stock-arrived, stock-out, …"), c("detail", "TEXT", "description"),
        ], key: ["id"]),
        TableDoc(name: "daily_stats", summary: "Traffic and sales per simulated day.", columns: [
            c("day", "INTEGER", "day"), c("date", "TEXT", "calendar date"), c("visits", "INTEGER", "storefront visits"),
            c("orders", "INTEGER", "orders placed"), c("units", "INTEGER", "units sold"),
            c("stockouts", "INTEGER", "choices lost because the lot sold out"),
            c("refused_by_customs", "INTEGER", "choices China's CBEC limits did not allow"),
        ], key: ["day"]),
    ]

    /// Bookkeeping of the projection itself (not part of the world's digest).
    static let metaSQL = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"

    /// Every CREATE TABLE, the meta table last, as one script.
    static let createAllSQL = (tables.map(\.createSQL) + [metaSQL]).joined(separator: ";\n")

    /// `sql --schema`: every table and column with its type and unit, and the ledger's accounts.
    public static var documentation: String {
        var out = "sandbox.sqlite: read it with `borderlab sql \"SELECT …\"`. Money columns ending in _minor hold integer\n"
        out += "minor units (fen, cents, yen) of the row's currency column; days count from the start date (day 0).\n"
        for table in tables {
            out += "\n\(table.name) — \(table.summary)\n"
            let width = table.columns.map(\.name.count).max() ?? 0
            for column in table.columns {
                let pad = String(repeating: " ", count: width - column.name.count)
                out += "  \(column.name)\(pad)  \(column.type.padding(7))  \(column.meaning)\n"
            }
        }
        out += "\nledger accounts:\n"
        for account in Account.allCases {
            out += "  \(account.name.padding(17)) \(account.meaning)\n"
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
