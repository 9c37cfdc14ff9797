/// Why customs holds a parcel.
public enum HoldReason: String, Sendable, Codable, CaseIterable {
    /// Three-document matching (三单对碰) failed: the order, payment and logistics records disagree. The parcel waits
    /// until the shop corrects the documents (`borderlab customs release ID`), or is seized after ``CustomsPolicy/seizeAfterDays``.
    case mismatch = "three-document-mismatch"
    /// A random physical inspection: the parcel waits 1–3 days and clears by itself.
    case inspection
}

/// Where a hold stands.
public enum HoldStatus: String, Sendable, Codable, CaseIterable {
    /// Customs has the parcel now.
    case held
    /// The shop fixed the documents; the parcel went on.
    case released
    /// Not released in time: seized and returned to sender, the customer refunded.
    case seized
    /// An inspection ended; the parcel went on.
    case cleared
}

/// One customer parcel held by customs (the `customs_holds` table).
public struct CustomsHold: Sendable, Hashable {
    public let id: Int
    /// The day customs stopped the parcel (its ship day: the declaration is checked when the parcel is declared).
    public let day: Int
    public let orderID: Int
    public let lotID: Int
    public let sku: String
    public let units: Int
    public let reason: HoldReason
    public internal(set) var status: HoldStatus
    /// Inspection: the day it clears by itself. Mismatch: the day it is seized unless released before.
    public let dueDay: Int
    /// Transit days the parcel still has to go once customs lets it go.
    public let transitLeft: Int
    /// The day the hold ended (released, cleared or seized); nil while held.
    public internal(set) var endDay: Int?
    /// The day the parcel is due at the customer once customs let it go; nil while held and when seized.
    public internal(set) var arrivalDay: Int?
    /// Customs charges paid for this hold (inspection handling, document correction), in the home currency.
    public internal(set) var charges: Money
}

/// A customs task that falls due on a given day (see ``CustomsBook``).
enum CustomsTask: Sendable, Hashable {
    /// An inspection hold ends: the units leave `heldAtCustoms`.
    case clearInspection(hold: Int)
    /// A mismatch hold reaches its deadline: seized unless released before.
    case seizeDeadline(hold: Int)
    /// A lost parcel's arrival day passes without it: lost, the customer refunded.
    case parcelLost(order: Int)
    /// The day after the promise of a lost parcel: the customer asks where it is.
    case lostParcelTicket(order: Int)
}

extension CustomsHold {
    /// Days customs has had (or had) the parcel, as of `today`.
    public func daysHeld(today: Int) -> Int { (endDay ?? today) - day }

    /// What the shop should do about the hold, one line for `customs list`.
    public var nextStep: String {
        switch (status, reason) {
        case (.held, .mismatch):
            "fix the documents: borderlab customs release \(id) (customs seizes it when day \(dueDay) runs unless you release it first)"
        case (.held, .inspection):
            "nothing: the inspection clears by itself on day \(dueDay)"
        case (.released, _), (.cleared, _):
            "nothing: on its way, due at the customer on day \(arrivalDay ?? dueDay)"
        case (.seized, _):
            "nothing: seized on day \(endDay ?? dueDay), the customer was refunded; fix mismatches sooner"
        }
    }
}
