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
    /// An exercise answer the student records (`borderlab answer`). The engine ignores it: answers are read by the
    /// exercise checker from the log, so a later answer replaces an earlier one while replay still sees them all.
    case answer(key: String, value: AnswerValue)
    /// A hint the student asked for (`borderlab hint`): logged so that grading can apply the course's hint policy.
    /// The engine ignores it.
    case hint(task: Int, level: Int)
    /// Marks the end of an exercise's setup actions: everything before it was applied by `borderlab new`, not by the
    /// student, and never counts as the student's work. The engine ignores it.
    case setupEnd

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
        case .answer: "answer"
        case .hint: "hint"
        case .setupEnd: "setup-end"
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
        case .answer(let key, let value): return "answer \(key): \(value.summary)"
        case .hint(let task, let level): return "hint \(level) for task \(task)"
        case .setupEnd: return "end of the exercise's setup"
        }
    }
}

extension Action: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, sku, quantity, channel, customs, warehouse, price, days, key, value, id, amount, to, action
        case purchaseOrder = "purchase_order", aql, supplier
        case type, task, level
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
        case "answer":
            let typeName = try c.decode(String.self, forKey: .type)
            guard let type = AnswerType(rawValue: typeName) else {
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown answer type '\(typeName)'")
            }
            self = .answer(key: try c.decode(String.self, forKey: .key),
                           value: AnswerValue(type: type, text: try c.decode(String.self, forKey: .value)))
        case "hint": self = .hint(task: try c.decode(Int.self, forKey: .task), level: try c.decode(Int.self, forKey: .level))
        case "setup-end": self = .setupEnd
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
        case .answer(let key, let value):
            try c.encode(key, forKey: .key)
            try c.encode(value.type.rawValue, forKey: .type)
            try c.encode(value.text, forKey: .value)
        case .hint(let task, let level):
            try c.encode(task, forKey: .task)
            try c.encode(level, forKey: .level)
        case .setupEnd:
            break
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
    /// The shop's opening capital when an exercise sets it (home currency); nil means the scenario's.
    public var startingCash: Money?
    /// The exercise this world was made for, and the student's variant; nil for a free workspace.
    public var exercise: ExerciseStamp?

    /// The newest format this engine reads. Format 2 adds `starting_cash` and `exercise`; a header without them is
    /// written as format 1, so free workspaces keep the bytes they always had.
    public static let currentFormatVersion = 2
    /// The format of a header that records an exercise or a starting cash.
    public static let exerciseFormatVersion = 2

    public init(seed: UInt64, scenario: Scenario, mode: String = "b2c-comprehensive",
                startDate: SimDate? = nil, customers: Int? = nil, events: [ScheduledEvent] = []) {
        self.events = events
        self.formatVersion = 1
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
        case startingCash = "starting_cash", exercise
    }

    /// Records an exercise and its starting cash, moving the header to format 2.
    public mutating func stamp(_ exercise: ExerciseStamp, startingCash: Money?) {
        self.exercise = exercise
        self.startingCash = startingCash
        formatVersion = WorldHeader.exerciseFormatVersion
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
        if let text = try c.decodeIfPresent(String.self, forKey: .startingCash) {
            do { startingCash = try Money(parsing: text) } catch {
                throw DecodingError.dataCorruptedError(forKey: .startingCash, in: c, debugDescription: "\(error)")
            }
        }
        exercise = try c.decodeIfPresent(ExerciseStamp.self, forKey: .exercise)
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
        try c.encodeIfPresent(startingCash?.description, forKey: .startingCash)
        try c.encodeIfPresent(exercise, forKey: .exercise)
    }
}

/// Which exercise a world was made for: recorded in the header so that `check` and the grader know the definition,
/// the student and the variant without trusting anything else in the workspace.
public struct ExerciseStamp: Sendable, Equatable, Codable {
    public var course: String
    public var exercise: String
    public var student: String
    /// SHA-256 (hex) of the exercise definition file the workspace was made from: an edited definition is noticed.
    public var definitionHash: String
    /// The variant's parameters by name, as text (written with sorted keys, so the bytes are stable).
    public var variant: [String: String]

    public init(course: String, exercise: String, student: String, definitionHash: String, variant: [String: String]) {
        self.course = course
        self.exercise = exercise
        self.student = student
        self.definitionHash = definitionHash
        self.variant = variant
    }

    /// `COURSE/EXERCISE`.
    public var qualifiedID: String { "\(course)/\(exercise)" }

    enum CodingKeys: String, CodingKey {
        case course, exercise, student, definitionHash = "definition_hash", variant
    }
}
