/// Something the student (or a bot, or the web storefront) does to the world. One line of `actions.jsonl`.
///
/// Actions are the only input of the engine besides the header: replaying them from the same header
/// rebuilds the same world.
public enum Action: Sendable, Equatable {
    case buy(sku: String, quantity: Int, channel: Channel, customs: CustomsMode, warehouse: String?)
    case list(sku: String, price: Money)
    case reprice(sku: String, price: Money)
    case delist(sku: String)
    case advance(days: Int)
    /// Changes one shop setting (see ``ShopSettings/keys``).
    case set(key: String, value: String)
    /// Releases a parcel held by customs (after fixing its documents).
    case releaseHold(id: Int)
    /// Converts cash from one currency to another at the day's rate plus the bank's spread.
    case convert(amount: Money, to: Currency)
    /// Answers a customer-service ticket.
    case replyTicket(id: Int, action: TicketAction)
    /// Sampling inspection of a purchase order's batch by ISO 2859-1 (AQL "1.0", "2.5" or "4.0").
    case inspect(purchaseOrder: Int, aql: String)
    /// Pays for a check of a supplier's qualification documents.
    case verifySupplier(id: String)
    /// Signs a supply agreement with a supplier (direct-delivery platform).
    case signSupplier(id: String)

    /// The verb written in the log's `kind` field.
    public var kind: String {
        switch self {
        case .buy: "buy"
        case .list: "list"
        case .reprice: "reprice"
        case .delist: "delist"
        case .advance: "advance"
        case .set: "set"
        case .releaseHold: "customs-release"
        case .convert: "fx-convert"
        case .replyTicket: "ticket-reply"
        case .inspect: "inspect"
        case .verifySupplier: "verify-supplier"
        case .signSupplier: "sign-supplier"
        }
    }

    /// A readable line for `borderlab log`.
    public var summary: String {
        switch self {
        case .buy(let sku, let quantity, let channel, let customs, let warehouse):
            let place = warehouse.map { " to the overseas warehouse in \($0)" } ?? ""
            return "buy \(quantity) × \(sku) by \(channel.rawValue), customs \(customs.rawValue)\(place)"
        case .list(let sku, let price): return "list \(sku) at \(price)"
        case .reprice(let sku, let price): return "reprice \(sku) to \(price)"
        case .delist(let sku): return "delist \(sku)"
        case .advance(let days): return "advance \(days) day\(days == 1 ? "" : "s")"
        case .set(let key, let value): return "set \(key) to \(value)"
        case .releaseHold(let id): return "release customs hold \(id)"
        case .convert(let amount, let to): return "convert \(amount) to \(to)"
        case .replyTicket(let id, let action): return "reply to ticket \(id): \(action.rawValue)"
        case .inspect(let po, let aql): return "inspect purchase order \(po) at AQL \(aql)"
        case .verifySupplier(let id): return "verify the documents of supplier \(id)"
        case .signSupplier(let id): return "sign a supply agreement with \(id)"
        }
    }
}

extension Action: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, sku, quantity, channel, customs, warehouse, price, days, key, value, id, amount, to, action
        case purchaseOrder = "purchase_order", aql, supplier
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        func money() throws -> Money {
            let text = try c.decode(String.self, forKey: .price)
            do { return try Money(parsing: text) } catch {
                throw DecodingError.dataCorruptedError(forKey: .price, in: c, debugDescription: "\(error)")
            }
        }
        switch kind {
        case "buy":
            let channelName = try c.decode(String.self, forKey: .channel)
            let customsName = try c.decode(String.self, forKey: .customs)
            guard let channel = Channel(rawValue: channelName) else {
                throw DecodingError.dataCorruptedError(forKey: .channel, in: c, debugDescription: "unknown channel '\(channelName)'")
            }
            guard let customs = CustomsMode(rawValue: customsName) else {
                throw DecodingError.dataCorruptedError(forKey: .customs, in: c, debugDescription: "unknown customs mode '\(customsName)'")
            }
            self = .buy(sku: try c.decode(String.self, forKey: .sku), quantity: try c.decode(Int.self, forKey: .quantity),
                        channel: channel, customs: customs, warehouse: try c.decodeIfPresent(String.self, forKey: .warehouse))
        case "list": self = .list(sku: try c.decode(String.self, forKey: .sku), price: try money())
        case "reprice": self = .reprice(sku: try c.decode(String.self, forKey: .sku), price: try money())
        case "delist": self = .delist(sku: try c.decode(String.self, forKey: .sku))
        case "advance": self = .advance(days: try c.decode(Int.self, forKey: .days))
        case "set": self = .set(key: try c.decode(String.self, forKey: .key), value: try c.decode(String.self, forKey: .value))
        case "customs-release": self = .releaseHold(id: try c.decode(Int.self, forKey: .id))
        case "fx-convert":
            let text = try c.decode(String.self, forKey: .amount)
            let amount: Money
            do { amount = try Money(parsing: text) } catch {
                throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: "\(error)")
            }
            let name = try c.decode(String.self, forKey: .to)
            guard let to = Currency(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: "unknown currency '\(name)'")
            }
            self = .convert(amount: amount, to: to)
        case "ticket-reply":
            let name = try c.decode(String.self, forKey: .action)
            guard let action = TicketAction(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .action, in: c, debugDescription: "unknown ticket action '\(name)'")
            }
            self = .replyTicket(id: try c.decode(Int.self, forKey: .id), action: action)
        case "inspect":
            self = .inspect(purchaseOrder: try c.decode(Int.self, forKey: .purchaseOrder), aql: try c.decode(String.self, forKey: .aql))
        case "verify-supplier": self = .verifySupplier(id: try c.decode(String.self, forKey: .supplier))
        case "sign-supplier": self = .signSupplier(id: try c.decode(String.self, forKey: .supplier))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown action kind '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .buy(let sku, let quantity, let channel, let customs, let warehouse):
            try c.encode(sku, forKey: .sku)
            try c.encode(quantity, forKey: .quantity)
            try c.encode(channel.rawValue, forKey: .channel)
            try c.encode(customs.rawValue, forKey: .customs)
            try c.encodeIfPresent(warehouse, forKey: .warehouse)
        case .list(let sku, let price), .reprice(let sku, let price):
            try c.encode(sku, forKey: .sku)
            try c.encode(price.description, forKey: .price)
        case .delist(let sku):
            try c.encode(sku, forKey: .sku)
        case .advance(let days):
            try c.encode(days, forKey: .days)
        case .set(let key, let value):
            try c.encode(key, forKey: .key)
            try c.encode(value, forKey: .value)
        case .releaseHold(let id):
            try c.encode(id, forKey: .id)
        case .convert(let amount, let to):
            try c.encode(amount.description, forKey: .amount)
            try c.encode(to.rawValue, forKey: .to)
        case .replyTicket(let id, let action):
            try c.encode(id, forKey: .id)
            try c.encode(action.rawValue, forKey: .action)
        case .inspect(let po, let aql):
            try c.encode(po, forKey: .purchaseOrder)
            try c.encode(aql, forKey: .aql)
        case .verifySupplier(let id), .signSupplier(let id):
            try c.encode(id, forKey: .supplier)
        }
    }
}

/// How the shop answers a customer-service ticket.
public enum TicketAction: String, CaseIterable, Sendable, Codable {
    /// Refund the order (goods and tax) and close the ticket.
    case refund
    /// Send the goods again from stock at the shop's cost.
    case resend
    /// Explain (parcel tracking, tax rules) and close the ticket.
    case explain
    /// Hand the case to the platform or the regulator (counterfeit claims, fraud).
    case escalate
}

/// What a world is made from besides its actions: the first line of `actions.jsonl`.
public struct WorldHeader: Sendable, Equatable, Codable {
    /// The log format; a newer one is refused with a message to upgrade.
    public var formatVersion: Int
    /// The engine that wrote the log; another engine version may simulate differently, so it is refused.
    public var engineVersion: String
    public var seed: UInt64
    public var scenario: String
    public var mode: String
    public var startDate: SimDate
    public var customers: Int
    /// Instructor events from the scenario file (empty for a plain preset).
    public var events: [ScheduledEvent] = []

    public static let currentFormatVersion = 1

    public init(seed: UInt64, scenario: Scenario, mode: String = "b2c-comprehensive",
                startDate: SimDate? = nil, customers: Int? = nil, events: [ScheduledEvent] = []) {
        self.events = events
        self.formatVersion = WorldHeader.currentFormatVersion
        self.engineVersion = BorderLabVersion.engine
        self.seed = seed
        self.scenario = scenario.id
        self.mode = mode
        self.startDate = startDate ?? scenario.defaultStartDate
        self.customers = customers ?? scenario.defaultCustomers
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", engineVersion = "engine_version", seed, scenario, mode
        case startDate = "start_date", customers, events
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        engineVersion = try c.decode(String.self, forKey: .engineVersion)
        seed = try c.decode(UInt64.self, forKey: .seed)
        scenario = try c.decode(String.self, forKey: .scenario)
        mode = try c.decode(String.self, forKey: .mode)
        startDate = try c.decode(SimDate.self, forKey: .startDate)
        customers = try c.decode(Int.self, forKey: .customers)
        events = try c.decodeIfPresent([ScheduledEvent].self, forKey: .events) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(engineVersion, forKey: .engineVersion)
        try c.encode(seed, forKey: .seed)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(mode, forKey: .mode)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(customers, forKey: .customers)
        if !events.isEmpty { try c.encode(events, forKey: .events) }
    }
}
