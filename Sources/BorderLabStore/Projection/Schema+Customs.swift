import BorderLabCore
import GRDB

extension Schema {
    /// Customs tables: parcel holds and warehouse storage fees.
    static let customsTables: [TableDoc] = [
        TableDoc(name: "customs_holds", summary: "Every customer parcel customs held: three-document mismatches (the shop releases them with `borderlab customs release ID`, or they are seized after 14 days) and random inspections (clear by themselves after 1–3 days).", columns: [
            c("id", "INTEGER", "hold id (the ID of `borderlab customs release ID`)"),
            c("day", "INTEGER", "day customs stopped the parcel (its ship day)"),
            c("date", "TEXT", "calendar date of day, YYYY-MM-DD"),
            c("order_id", "INTEGER", "orders.id (and shipments.id) of the parcel"),
            c("lot_id", "INTEGER", "inventory.lot_id the units came from"),
            c("sku", "TEXT", "products.sku"),
            c("units", "INTEGER", "units in the parcel (counted in inventory.held_at_customs while held)"),
            c("reason", "TEXT", "three-document-mismatch or inspection"),
            c("status", "TEXT", "held (customs has it now), released (documents fixed), cleared (inspection over) or seized (not released in time: returned to sender, customer refunded, units written off)"),
            c("due_day", "INTEGER", "inspection: the day it clears by itself; mismatch: the day it is seized unless released before"),
            c("end_day", "INTEGER", "day the hold ended (released, cleared or seized); NULL while held"),
            c("arrival_day", "INTEGER", "day the parcel is due at the customer after customs let it go (end day + the rest of its transit); NULL while held or when seized"),
            c("charges_minor", "INTEGER", "customs charges paid for this hold (inspection handling, document correction), minor units of currency; also in ledger account customs_charges"),
            c("currency", "TEXT", "currency of charges_minor (the home currency)"),
        ], key: ["id"]),
        TableDoc(name: "storage_fees", summary: "Warehouse storage bills, per lot, month and age tier (rows only for non-zero fees). Overseas warehouses (9810) charge per m³ per day by the age of the stock, first in first out (days 0–30 free, then 0.50 to 5.00 USD); the 1210 bonded zone 2.00 CNY per m³ per day from arrival. Each day's volume accrues; on the first day of the next month the bill is paid as one ledger entry per lot (account storage_fees, converted to the home currency).", columns: [
            c("lot_id", "INTEGER", "inventory.lot_id"),
            c("day", "INTEGER", "day billed (the first day of the next month)"),
            c("date", "TEXT", "calendar date of day, YYYY-MM-DD"),
            c("from_day", "INTEGER", "first day the bill covers"),
            c("to_day", "INTEGER", "last day the bill covers"),
            c("location", "TEXT", "inventory.location: overseas:<country> or bonded:CN"),
            c("tier", "TEXT", "age tier in days since arrival (31-60, 61-90, 91-180, 181-270, 271-360, 361+) or bonded"),
            c("unit_days", "INTEGER", "units on hand of that tier, summed over the days covered"),
            c("volume_cm3_days", "INTEGER", "their volume summed over the days, cm³-days (unit_days × L × W × H)"),
            c("cubic_metre_days", "REAL", "the same in m³-days (volume_cm3_days / 1,000,000)"),
            c("rate_minor", "INTEGER", "the tier's rate per m³ per day, minor units of currency"),
            c("fee_minor", "INTEGER", "the bill: rate_minor × cubic_metre_days, rounded half-up once to the minor unit"),
            c("currency", "TEXT", "currency the warehouse bills in (USD overseas, CNY bonded)"),
        ], key: ["lot_id", "day", "tier"]),
    ]
}

extension ProjectionWriter {
    static func writeCustoms(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        var s = try inserter(db, "customs_holds")
        for hold in world.customsBook.holds {
            s.add(hold.id); s.add(hold.day); s.add(world.date(hold.day).iso); s.add(hold.orderID); s.add(hold.lotID)
            s.add(hold.sku); s.add(hold.units); s.add(hold.reason.rawValue); s.add(hold.status.rawValue); s.add(hold.dueDay)
            s.add(hold.endDay); s.add(hold.arrivalDay); s.add(hold.charges.minor); s.add(hold.charges.currency.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "storage_fees")
        for fee in world.customsBook.storageFees {
            let lot = world.lots[fee.lotID - 1]
            s.add(fee.lotID); s.add(fee.day); s.add(world.date(fee.day).iso); s.add(fee.fromDay); s.add(fee.toDay)
            s.add(lot.location); s.add(fee.tier.label)
            s.add(fee.unitDays); s.add(fee.cubicCmDays); s.add(Double(fee.cubicCmDays) / 1_000_000)
            s.add(fee.tier.ratePerCubicMetre.minor); s.add(fee.fee.minor); s.add(fee.fee.currency.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        return rows
    }
}
