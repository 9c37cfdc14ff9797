import Foundation
import BorderLabCore

/// `market quote --json`.
struct QuoteJSON: Encodable {
    struct CustomerTax: Encodable { let country: String; let retail_price: MoneyJSON; let tax: MoneyJSON; let scheme: String }
    let format_version: Int
    let seed: UInt64
    let date: String
    let sku: String
    let quantity: Int
    let channel: String
    let customs_mode: String
    let location: String
    let outbound_channel: String
    let unit_price: MoneyJSON
    let goods_foreign: MoneyJSON
    let fx_rate: Double
    let goods: MoneyJSON
    let freight: MoneyJSON
    let insurance: MoneyJSON
    let duty: MoneyJSON
    /// The duty's base in the destination currency (CIF or FOB, see duty_base_kind), and the rate applied to it.
    let duty_base: MoneyJSON?
    let duty_rate: Double
    let duty_base_kind: String?
    let total: MoneyJSON
    let unit_landed: MoneyJSON
    let dispatch_days: Int
    let transit_days_min: Int
    let transit_days_max: Int
    let parcel_freight_per_order: MoneyJSON
    let customer_tax_per_unit: [CustomerTax]
    /// Countries whose customs would refuse one unit at the shop's price, with the reason.
    let customer_refusals: [Refusal]
    struct Refusal: Encodable { let country: String; let reason: String }

    init(_ q: LandedCostQuote, world: World) {
        format_version = world.header.formatVersion
        seed = world.header.seed
        date = world.date().iso
        sku = q.sku; quantity = q.quantity; channel = q.channel.rawValue; customs_mode = q.customs.rawValue
        location = q.location; outbound_channel = q.outbound.rawValue
        unit_price = MoneyJSON(q.unitPrice); goods_foreign = MoneyJSON(q.goodsForeign); fx_rate = q.fxRate.doubleValue
        goods = MoneyJSON(q.goods); freight = MoneyJSON(q.freight); insurance = MoneyJSON(q.insurance); duty = MoneyJSON(q.duty)
        duty_base = q.dutyBase.map(MoneyJSON.init); duty_rate = q.dutyRate.doubleValue
        duty_base_kind = q.dutyBase == nil ? nil : q.dutyIncludesShipping ? "CIF" : "FOB"
        total = MoneyJSON(q.total); unit_landed = MoneyJSON(q.unitLanded)
        dispatch_days = q.dispatchDays; transit_days_min = q.transitDays.lowerBound; transit_days_max = q.transitDays.upperBound
        parcel_freight_per_order = MoneyJSON(q.parcelFreight)
        customer_tax_per_unit = q.customerTax.map { CustomerTax(country: $0.country, retail_price: MoneyJSON($0.retail), tax: MoneyJSON($0.tax), scheme: $0.scheme) }
        customer_refusals = q.customerRefusals.map { Refusal(country: $0.country, reason: $0.reason) }
    }
}

/// The human form of a landed-cost quote.
enum QuoteText {
    static func render(_ q: LandedCostQuote, world: World) -> String {
        let m = Terminal.money
        var lines = ["Landed cost of \(q.quantity) × \(q.sku) (\(world.product(q.sku)!.name)) on \(world.date().iso)",
                     "  via \(q.channel.rawValue), customs \(q.customs.rawValue) (\(q.customs.title)) → \(q.location)", ""]
        var goodsLine = "  goods       \(m(q.goods))"
        if q.goodsForeign.currency != q.goods.currency {
            goodsLine += "   = \(q.quantity) × \(m(q.unitPrice)) = \(m(q.goodsForeign)) at \(Terminal.decimal(q.fxRate.doubleValue, places: 6)) \(q.goods.currency.rawValue) per \(q.goodsForeign.currency.rawValue) (incl. the \(Terminal.decimal(Double(FXMarket.spreadBP) / 100, places: 2))% bank spread)"
        }
        lines.append(goodsLine)
        lines.append("  freight     \(m(q.freight))   (\(q.channel.kind == .bulk ? q.channel.rawValue : "inland to \(q.location)"), \(q.transitDays.lowerBound)–\(q.transitDays.upperBound) days after \(q.dispatchDays) days' lead time)")
        lines.append("  insurance   \(m(q.insurance))   (\(CargoInsurance.rateBP / 100).\(CargoInsurance.rateBP % 100)% of goods + freight)")
        if q.duty.minor > 0, let base = q.dutyBase {
            let cif = q.dutyIncludesShipping
            lines.append("  duty        \(m(q.duty))   (\(Terminal.decimal(q.dutyRate.doubleValue * 100, places: 2))% of \(m(base)) \(cif ? "goods + freight + insurance (CIF)" : "goods value (FOB, without shipping)"), paid in \(base.currency.rawValue))")
        }
        lines.append("  total       \(m(q.total))   = \(m(q.unitLanded)) per unit")
        lines.append("")
        lines.append("Each customer order then ships by \(q.outbound.rawValue) (\(m(q.parcelFreight)) for a one-unit parcel, promise \(q.outbound.promisedDays) days).")
        if !q.customerTax.isEmpty {
            lines.append("Tax the customer pays at checkout per unit (collected by the shop, remitted at settlement):")
            for entry in q.customerTax {
                let limit = q.cbecLimits.map { m($0.perTransaction) } ?? "per-transaction"
                let note = entry.scheme == "cbec-single-item"
                    ? ": one item above the \(limit) per-order limit pays the full tariff, VAT and consumption tax" : ""
                lines.append("  \(entry.country): \(m(entry.tax)) on a price of \(m(entry.retail)) (\(entry.scheme)\(note))")
            }
        }
        for refusal in q.customerRefusals {
            lines.append("  \(refusal.country): refused at customs: \(refusal.reason)")
        }
        return lines.joined(separator: "\n")
    }
}

/// `market quote --json` of a daigou shop.
struct DaigouQuoteJSON: Encodable {
    let format_version: Int
    let seed: UInt64
    let date, sku: String
    let quantity: Int
    let listed: Bool
    let price, shelf_unit_price, shelf_cost, service_fee, parcel, margin: MoneyJSON
    let service_fee_percent: Double
    let tax: MoneyJSON?
    let tax_scheme: String?
    let channel, customs_mode: String
    let delivery_days_min, delivery_days_max: Int

    init(_ q: DaigouQuote, world: World) {
        format_version = world.header.formatVersion; seed = world.header.seed; date = world.date().iso
        sku = q.sku; quantity = q.quantity; listed = q.listed
        price = MoneyJSON(q.price); shelf_unit_price = MoneyJSON(q.shelfUnitPrice); shelf_cost = MoneyJSON(q.shelfCost)
        service_fee = MoneyJSON(q.serviceFee); parcel = MoneyJSON(q.parcel); margin = MoneyJSON(q.margin)
        service_fee_percent = Double(q.serviceFeeBP) / 100
        tax = q.tax.map(MoneyJSON.init); tax_scheme = q.taxScheme
        channel = q.channel.rawValue; customs_mode = q.customs.rawValue
        delivery_days_min = q.deliveryDays.lowerBound; delivery_days_max = q.deliveryDays.upperBound
    }
}

/// The human form of a daigou quote: what one customer order of the units earns at the listed price.
enum DaigouQuoteText {
    static func render(_ q: DaigouQuote, world: World) -> String {
        let m = Terminal.money
        let pct = Terminal.decimal(Double(q.serviceFeeBP) / 100, places: 2)
        var lines = ["A daigou order of \(q.quantity) × \(q.sku) (\(world.product(q.sku)!.name)) on \(world.date().iso)",
                     "  bought abroad after the customer pays, mailed \(q.customs.rawValue) by \(q.channel.rawValue), "
                        + "\(q.deliveryDays.lowerBound)–\(q.deliveryDays.upperBound) days to the customer", ""]
        let rows: [(String, Money, String)] = [
            ("price", q.price * q.quantity, "\(q.quantity) × \(m(q.price)), \(q.listed ? "your listed price" : "typical retail: not listed yet")"),
            ("service fee", q.serviceFee, "\(pct)% of the goods, daigou.service_fee"),
            ("shelf cost", .zero(q.shelfCost.currency) - q.shelfCost, "\(q.quantity) × \(m(q.shelfUnitPrice)) shelf price abroad, with the bank spread"),
            ("parcel", .zero(q.parcel.currency) - q.parcel, q.channel.rawValue),
            ("margin", q.margin, "before payment fees and returns"),
        ]
        // Amounts right-aligned in one column, so the sum reads down.
        let width = rows.map { m($0.1).count }.max() ?? 0
        for (label, amount, note) in rows {
            let text = m(amount)
            lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + String(repeating: " ", count: width - text.count) + text + "   " + note)
        }
        lines.append("")
        if let tax = q.tax, let scheme = q.taxScheme {
            lines.append("The customer also pays \(m(tax)) import tax (\(scheme)); the shop collects and remits it.")
        } else {
            lines.append("China's customs refuse this checkout: " + (q.refusal?.description ?? "a customer cannot order it as one parcel."))
        }
        if q.margin.minor < 0 { lines.append("At this price each such order loses money: raise the price or the service fee.") }
        return lines.joined(separator: "\n")
    }
}
