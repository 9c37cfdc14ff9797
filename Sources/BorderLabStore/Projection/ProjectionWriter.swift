import BorderLabCore
import GRDB

/// Writes a ``World`` into the SQLite tables of ``Schema``: the projection students and checks query.
public enum ProjectionWriter {
    /// Values the projection records about itself in its `meta` table.
    public struct Meta: Sendable, Equatable {
        public var formatVersion: Int
        public var engineVersion: String
        public var seed: UInt64
        public var scenario: String
        /// SHA-256 of the last log line the projection reflects.
        public var logHead: String
        public var actions: Int

        public init(header: WorldHeader, logHead: String, actions: Int) {
            formatVersion = header.formatVersion
            engineVersion = header.engineVersion
            seed = header.seed
            scenario = header.scenario
            self.logHead = logHead
            self.actions = actions
        }
    }

    /// Creates the schema and writes every table, in one transaction, and returns the number of rows written.
    @discardableResult
    public static func write(_ world: World, meta: Meta, into db: Database) throws -> Int {
        // The empty schema is copied from a template page by page (SQLite's backup API), which costs microseconds; creating
        // its tables one by one costs about 20 µs each, a fifth of a short replay. A destination the template cannot be
        // copied into (another page size) gets the tables created instead.
        var created = true
        do { try schemaTemplate.read { try $0.backup(to: db) } } catch { created = false }
        var rows = 0
        try db.inTransaction {
            if !created { try db.execute(sql: Schema.createAllSQL) }
            rows = try writeRows(world, into: db)
            let pairs: [(String, String)] = [
                ("format_version", String(meta.formatVersion)), ("engine_version", meta.engineVersion),
                ("seed", String(meta.seed)), ("scenario", meta.scenario), ("log_head", meta.logHead),
                ("actions", String(meta.actions)), ("day", String(world.day)),
            ]
            for (key, value) in pairs { try db.execute(sql: "INSERT INTO meta VALUES (?, ?)", arguments: [key, value]) }
            return .commit
        }
        return rows
    }

    /// An in-memory database holding only the schema, made once per process.
    static let schemaTemplate: DatabaseQueue = {
        let queue = try! DatabaseQueue()
        try! queue.write { try $0.execute(sql: Schema.createAllSQL) }
        return queue
    }()

    /// Reads the `meta` table of a projection, or nil when it has none.
    public static func readMeta(_ db: Database) throws -> [String: String]? {
        guard try db.tableExists("meta") else { return nil }
        var meta: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
        return meta
    }

    static func inserter(_ db: Database, _ name: String) throws -> SQLiteInserter {
        try SQLiteInserter(db, sql: Schema.tables.first { $0.name == name }!.insertSQL)
    }

    static func writeRows(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        let home = world.scenario.homeCurrency.rawValue
        var s = try inserter(db, "suppliers")
        for supplier in world.catalogue.suppliers {
            s.add(supplier.id); s.add(supplier.name); s.add(supplier.country.code); s.add(supplier.city)
            s.add(supplier.currency.rawValue); s.add(supplier.dailyCapacity); s.add(supplier.rating)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "products")
        var o = try inserter(db, "supplier_offers")
        for p in world.catalogue.products {
            s.add(p.id); s.add(p.name); s.add(p.category.rawValue); s.add(p.supplierID); s.add(p.weightGrams)
            s.add(p.lengthCm); s.add(p.widthCm); s.add(p.heightCm); s.add(p.chargeableGrams); s.add(p.taxClass.code)
            let china = world.chinaImportRates(p)
            s.add(china.vatBP); s.add(china.consumptionBP); s.add(china.tariffBP); s.add(p.hsSubheading); s.add(p.content?.description)
            s.add(p.positiveList); s.add(p.quality); s.add(p.defectBP); s.add(p.moq); s.add(p.leadTimeDays)
            s.add(p.typicalRetail.minor); s.add(p.typicalRetail.currency.rawValue)
            try s.row(); rows += 1
            for tier in p.tiers {
                o.add(p.id); o.add(p.supplierID); o.add(tier.minQuantity); o.add(tier.unitPrice.minor); o.add(tier.unitPrice.currency.rawValue)
                try o.row(); rows += 1
            }
        }
        s.finalize(); o.finalize()
        s = try inserter(db, "customers")
        let countries = world.scenario.customerCountries
        let population = world.population
        for c in 0..<population.count {
            let country = countries[Int(population.country[c])]
            s.add(c + 1); s.add(country)
            s.add(CustomerSegment.segments(for: country)[Int(population.segment[c])].segment.id)
            s.add(population.budget[c])
            s.add(Int(population.cbecYear[c]) == world.date().year ? population.cbecYearToDate[c] : 0)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "listings")
        for l in world.listings.sorted(by: { $0.sku < $1.sku }) {
            s.add(l.sku); s.add(l.price.minor); s.add(l.price.currency.rawValue); s.add(l.listedDay); s.add(l.active)
            s.add(l.reviewCount); s.add(l.rating)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "inventory")
        for lot in world.lots {
            s.add(lot.id); s.add(lot.sku); s.add(lot.location); s.add(lot.customs.rawValue); s.add(lot.outbound.rawValue)
            s.add(lot.onHand); s.add(lot.inTransit); s.add(lot.received); s.add(lot.sold)
            s.add(lot.purchased); s.add(lot.soldNet); s.add(lot.heldAtCustoms); s.add(lot.usedInInspection); s.add(lot.lost)
            s.add(lot.writtenOff); s.add(lot.returned); s.add(lot.onDemand)
            s.add(lot.costOnHand); s.add(home)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "purchase_orders")
        for po in world.purchaseOrders {
            let status: PurchaseStatus = po.status == .received ? .received : (world.day >= po.dispatchDay ? .inTransit : .ordered)
            s.add(po.id); s.add(po.day); s.add(po.sku); s.add(po.supplierID); s.add(po.quantity)
            s.add(po.unitPrice.minor); s.add(po.unitPrice.currency.rawValue); s.add(po.goodsHome.minor); s.add(po.freightHome.minor)
            s.add(po.insuranceHome.minor); s.add(po.dutyHome.minor); s.add(po.landedHome.minor); s.add(home)
            s.add(po.channel.rawValue); s.add(po.customs.rawValue); s.add(po.lotID); s.add(po.dispatchDay); s.add(po.arrivalDay)
            s.add(status.rawValue)
            try s.row(); rows += 1
        }
        s.finalize()
        rows += try writeSales(world, into: db)
        s = try inserter(db, "fx_rates")
        for (day, rates) in world.fxHistory.enumerated() {
            let date = world.date(day).iso
            for currency in Currency.allCases {
                let micro = rates.mid(currency)
                s.add(day); s.add(date); s.add(currency.rawValue); s.add(micro); s.add(Double(micro) / 1_000_000)
                try s.row(); rows += 1
            }
        }
        s.finalize()
        s = try inserter(db, "ledger")
        for (i, line) in world.ledger.lines.enumerated() {
            s.add(i + 1); s.add(Int(line.entry)); s.add(Int(line.day)); s.add(line.account.name)
            s.add(line.debit); s.add(line.credit); s.add(line.currency.rawValue); s.add(memo(line))
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "reviews")
        for r in world.reviews {
            s.add(r.id); s.add(r.orderID); s.add(r.sku); s.add(r.day); s.add(r.stars); s.add(r.onTime)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "events")
        for (i, e) in world.events.enumerated() {
            s.add(i + 1); s.add(e.day); s.add(world.date(e.day).iso); s.add(e.kind); s.add(e.detail)
            try s.row(); rows += 1
        }
        s.finalize()
        s = try inserter(db, "daily_stats")
        for d in world.dayStats {
            s.add(d.day); s.add(world.date(d.day).iso); s.add(d.visits); s.add(d.orders); s.add(d.units); s.add(d.stockouts)
            s.add(d.refusedByCustoms)
            try s.row(); rows += 1
        }
        s.finalize()
        rows += try writeCustoms(world, into: db)
        rows += try writeRisk(world, into: db)
        rows += try writeService(world, into: db)
        rows += try writeModes(world, into: db)
        return rows
    }

    /// Orders, their lines, shipments and payments: the bulk of a simulated year.
    static func writeSales(_ world: World, into db: Database) throws -> Int {
        var rows = 0
        let home = world.scenario.homeCurrency.rawValue
        var o = try inserter(db, "orders")
        var l = try inserter(db, "order_lines")
        for order in world.orders {
            let currency = order.goods.currency.rawValue
            o.add(order.id); o.add(order.day); o.add(world.date(order.day).iso); o.add(order.customer); o.add(order.country)
            o.add(order.sku); o.add(order.quantity); o.add(order.lotID); o.add(order.channel.rawValue); o.add(order.customs.rawValue)
            o.add(order.goods.minor); o.add(order.freight.minor); o.add(order.tax.minor); o.add(order.total.minor); o.add(currency)
            o.add(order.taxScheme); o.add(order.costHome.minor); o.add(home); o.add(order.promisedDays); o.add(order.status.rawValue)
            o.add(order.deliveredDay)
            o.add(order.rates.vatBP); o.add(order.rates.consumptionBP); o.add(order.rates.tariffBP); o.add(order.cbecDutiableFen)
            try o.row()
            l.add(order.id); l.add(1); l.add(order.sku); l.add(order.quantity)
            l.add(order.goods.minor / Int64(order.quantity)); l.add(currency)
            try l.row()
            rows += 2
        }
        o.finalize(); l.finalize()
        var s = try inserter(db, "shipments")
        for shipment in world.shipments {
            let status = shipment.lost ? "lost" : (shipment.deliveredDay == nil ? "in_transit" : "delivered")
            s.add(shipment.id); s.add(shipment.orderID); s.add(shipment.channel.rawValue); s.add(shipment.shipDay)
            s.add(shipment.dueDay); s.add(shipment.deliveredDay); s.add(shipment.chargeableGrams); s.add(shipment.cost.minor)
            s.add(shipment.cost.currency.rawValue); s.add(status)
            try s.row(); rows += 1
        }
        s.finalize()
        var p = try inserter(db, "payments")
        for payment in world.payments {
            p.add(payment.id); p.add(payment.orderID); p.add(payment.provider); p.add(payment.day); p.add(payment.amount.minor)
            p.add(payment.fee.minor); p.add(payment.tax.minor); p.add(payment.amount.currency.rawValue); p.add(payment.settleDay)
            p.add(payment.status.rawValue); p.add(payment.settledHome?.minor)
            p.add(payment.riskScore); p.add(payment.verified)
            if payment.status == .captured { p.add(Int?.none) } else { p.add((payment.settledHome?.currency ?? payment.amount.currency).rawValue) }
            try p.row(); rows += 1
        }
        p.finalize()
        return rows
    }

    static func memo(_ line: LedgerLine) -> String {
        switch line.kind {
        case .openingCapital: "opening capital"
        case .purchase: "purchase order \(line.reference)"
        case .sale: "order \(line.reference): sale"
        case .shipping: "order \(line.reference): parcel freight"
        case .settlement: "payment \(line.reference): settlement"
        case .storage: "storage fees, lot \(line.reference)"
        case .customs: "customs, hold \(line.reference)"
        case .chargeback: "payment \(line.reference): chargeback"
        case .dispute: "payment \(line.reference): dispute fee"
        case .refund: "order \(line.reference): refund"
        case .writeOff: "lot \(line.reference): units written off (rejected batch or recall)"
        case .fine: "regulator fine \(line.reference)"
        case .service: "service cost \(line.reference)"
        case .fee: "fee income \(line.reference)"
        case .conversion: "currency conversion \(line.reference)"
        case .commission: "commission \(line.reference)"
        case .supplierPayment: "supplier payment \(line.reference)"
        case .disputePenalty: "dispute-ratio penalty, monitor month \(line.reference)"
        case .platformRunningCost: "platform running cost, paid in advance on day \(line.reference) for the rest of that month"
        case .supplierOnboarding: "supply agreement \(line.reference): onboarding cost"
        case .supplierVerification: "supplier document check \(line.reference)"
        case .batchInspection: "purchase order \(line.reference): batch inspection fee"
        case .inspectionSamples: "lot \(line.reference): units used up as inspection samples"
        case .resend: "order \(line.reference): replacement sent for a ticket"
        case .returnCosts: "order \(line.reference): return (parcel back, goods not resaleable)"
        case .seizedGoods: "lot \(line.reference): goods seized by customs"
        case .lostGoods: "lot \(line.reference): goods lost in a parcel"
        case .adSpend: "traffic bought for day \(line.reference)"
        case .commissionReversal: "rebate attribution \(line.reference): commission reversed (fake order)"
        case .registrationFee: "platform member \(line.reference): registration fee"
        case .marketplaceCommission: "order \(line.reference): marketplace commission"
        case .marketplaceFee: "marketplace annual service fee, year \(line.reference)"
        case .marketing: "paid marketing for day \(line.reference)"
        }
    }
}
