/// What the service and supervision mechanics keep: tickets, returns, inspections, supplier checks, regulator actions,
/// and the per-lot counterfeit counters. Arrays are indexed by id − 1 (records) or by lot / purchase-order index.
public struct ServiceBook: Sendable {
    public internal(set) var tickets: [Ticket] = []
    public internal(set) var returns: [ReturnRecord] = []
    public internal(set) var inspections: [Inspection] = []
    public internal(set) var supplierChecks: [SupplierCheck] = []
    public internal(set) var regulatorActions: [RegulatorAction] = []
    /// Parcels sent again by `tickets reply --action resend` (kept apart from `shipments`, whose ids are order ids).
    public internal(set) var resends: [Resend] = []

    /// Counterfeit units per lot (index = lot id − 1) not yet delivered to a customer: on the shelf or in parcels.
    public internal(set) var counterfeitUnits: [Int] = []
    /// Counterfeit units delivered to customers, per lot.
    public internal(set) var counterfeitDelivered: [Int] = []
    /// Goods value of the counterfeit units delivered, per lot, in home-currency minor units at the day's mid rate.
    public internal(set) var counterfeitDeliveredValue: [Int64] = []
    /// Counterfeit units in each purchase order's batch (index = PO id − 1); 0 for a genuine batch.
    public internal(set) var batchCounterfeit: [Int] = []
    /// Verified-badge utility per listing (index into `World.listings`), recomputed daily and on verification.
    public internal(set) var badgeBonus: [Double] = []

    /// Whether each catalogue product's supplier has fake documents (index = product index), computed once per world.
    var fakeProduct: [Bool] = []
    /// Orders already refunded by the service desk or a return (never refunded twice).
    var refundedOrders: Set<Int> = []
    /// Open (not closed) ticket ids, oldest first: the SLA clocks walk these each day.
    var openTicketIDs: [Int] = []
    /// The open ticket of an (order, kind) pair, so the same complaint is not filed twice: key = order × 8 + kind.
    var openTicketByKey: [Int: Int] = [:]
    /// Return ids falling due, by day.
    var returnsDue: [[Int]] = []
    /// Resend ids falling due, by day.
    var resendsDue: [[Int]] = []
    /// Orders to check for "where is my parcel" on a day (one day after their promised delivery), by day.
    var promiseDue: [[Int]] = []
    /// Orders (ids − 1) below this have been scheduled in `promiseDue`.
    var promiseCursor = 0
    /// For each simulated day, whether orders placed on it fall in the holiday season (returns +17%).
    var holidayOrderDay: [Bool] = []

    public init() {}
}

/// Customer-service ticket kinds. The raw values are what `tickets.kind` shows.
public enum TicketKind: String, CaseIterable, Sendable {
    case whereIsMyParcel = "where-is-my-parcel"
    case damaged
    case counterfeit
    case taxQuestion = "tax-question"
    case customsHold = "customs-hold"

    /// Reads the kind other mechanics pass to `openTicket` (a lost parcel is a where-is-my-parcel ticket).
    init(name: String) {
        switch name {
        case "lost", "lost-parcel", "late": self = .whereIsMyParcel
        default: self = TicketKind(rawValue: name) ?? .whereIsMyParcel
        }
    }

    var ordinal: Int { TicketKind.allCases.firstIndex(of: self)! }
}

public enum TicketStatus: String, Sendable {
    /// Waiting for the shop's reply.
    case open
    /// Handed to the platform; it decides within ``World/escalationDays``.
    case escalated
    /// Answered and done.
    case closed
    /// Never answered: the customer gave up after ``World/ticketExpiryDays``.
    case expired
}

public struct Ticket: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let orderID: Int
    public let kind: TicketKind
    public var status: TicketStatus = .open
    public var replyDay: Int?
    public var reply: TicketAction?
    public var closedDay: Int?
    /// Whether the reply was a right answer for the kind (see ``World/isRightAnswer(_:kind:parcelLost:parcelHeld:)``).
    public var rightAnswer: Bool?
    /// No reply within ``World/replySLADays``.
    public var replyBreached = false
    /// Not closed within ``World/resolveSLADays``.
    public var resolveBreached = false
    /// The customer's reaction to a wrong answer or a breach has been drawn (at most once per ticket).
    public var penalised = false
    /// What the customer did about it: nil, `bad-review`, `dispute`, `bad-review+dispute`.
    public var consequence: String?
    /// The reply was made by a standing rule (`tickets policy`), not by hand.
    public var byPolicy = false

    /// Day the reply SLA runs out (end of that day).
    public var replyDueDay: Int { day + World.replySLADays }
    /// Day the resolution SLA runs out.
    public var resolveDueDay: Int { day + World.resolveSLADays }
}

/// Why a customer sent goods back.
public enum ReturnReason: String, Sendable {
    case changedMind = "changed-mind"
    case defective
    case counterfeit
}

public struct ReturnRecord: Sendable, Hashable {
    public let id: Int
    public let orderID: Int
    public let sku: String
    public let lotID: Int
    public let quantity: Int
    /// Day the customer decided to return (the delivery day).
    public let decidedDay: Int
    /// Day the goods are back and the refund is paid.
    public let dueDay: Int
    public let reason: ReturnReason
    public var received = false
    /// Back on the shelf (true) or written off (false); decided when the goods arrive.
    public var resaleable = false
    /// Refund paid, in home-currency minor units (0 when the order had been refunded already).
    public var refundHome: Int64 = 0
    /// Return shipping the shop paid, home-currency minor units.
    public var shippingHome: Int64 = 0
}

/// ISO 2859-1 sampling inspection of one purchase order's batch.
public struct Inspection: Sendable, Hashable {
    public let id: Int
    public let purchaseOrderID: Int
    public let aql: String
    public let bookedDay: Int
    /// nil while the batch is still on its way.
    public var day: Int?
    public var lotSize = 0
    public var plan: SamplingPlan?
    /// Units inspected (the plan's sample size, or the whole lot when the sample is larger).
    public var sampled = 0
    public var defects = 0
    /// `pending`, `accepted`, `rejected`, or `cancelled` (the supplier failed and the purchase order was cancelled).
    public var outcome = "pending"
    public var feeHome: Int64 = 0
    /// Landed cost written off (samples, and the batch when rejected), home minor units.
    public var writtenOffHome: Int64 = 0
    /// Goods value the supplier refunded for a rejected batch, home minor units.
    public var refundHome: Int64 = 0
}

public struct SupplierCheck: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let supplierID: String
    public let genuine: Bool
    public let feeHome: Int64
}

public struct RegulatorAction: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let sku: String
    public let sampled: Int
    public let counterfeitFound: Int
    public let unitsRecalled: Int
    public let fineHome: Int64
    /// `passed` or `recall`.
    public let outcome: String
}

/// A parcel sent again to a customer at the shop's cost.
public struct Resend: Sendable, Hashable {
    public let id: Int
    public let ticketID: Int
    public let orderID: Int
    public let lotID: Int
    public let quantity: Int
    public let day: Int
    public let dueDay: Int
    public let costHome: Int64
    public var deliveredDay: Int?
}
