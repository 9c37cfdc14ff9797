/// Customs by mode: three-document matching, random inspections and holds, and warehouse storage fees.
public struct CustomsBook: Sendable {
    public init() {}
}

extension World {
    /// Daily customs work: holds that end, storage fees.
    mutating func customsDay() {}

    /// Sends a customer parcel on its way: normally it arrives on `arrivalDay`; customs may hold it, the carrier may lose it.
    mutating func dispatchParcel(order id: Int, arrivalDay: Int) {
        World.schedule(&deliveriesDue, day: arrivalDay, id: id)
    }

    /// `customs-release`: releases a held parcel after its documents are fixed.
    mutating func releaseHold(id: Int) throws(EngineError) {
        throw .notInMode(action: "release customs holds yet", mode: mode.rawValue, fix: "This release of BorderLab has no holds.")
    }
}
