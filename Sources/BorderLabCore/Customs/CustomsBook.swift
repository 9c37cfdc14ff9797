/// What customs keeps: parcel holds, the received batches of every lot (for ageing stock) and the storage fees charged.
///
/// Everything is in arrays indexed by id − 1 or by day, so the daily loop never hashes a string.
public struct CustomsBook: Sendable {
    /// Every hold, by id − 1.
    public internal(set) var holds: [CustomsHold] = []
    /// Storage bills, one row per lot, month and tier with a non-zero fee, in the order billed.
    public internal(set) var storageFees: [StorageFee] = []
    /// Unit-days of stock accrued since the last bill, by lot and tier: index (lot id − 1) × tiers + tier.
    public internal(set) var accruedUnitDays: [Int64] = []
    /// The first day of the period the next bill covers.
    public internal(set) var periodStart = 0
    /// Received batches of each lot (index lot id − 1), oldest first.
    public internal(set) var cohorts: [[StockCohort]] = []
    /// Storage site of each lot (index lot id − 1), cached from its location.
    var site: [StorageSite] = []
    /// Volume of one unit of each lot's product (index lot id − 1), cm³.
    var unitCubicCm: [Int] = []
    /// Customs tasks by the day they fall due.
    var due: [[CustomsTask]] = []

    public init() {}

    /// The holds customs has now.
    public var held: [CustomsHold] { holds.filter { $0.status == .held } }

    mutating func schedule(_ task: CustomsTask, day: Int) {
        while due.count <= day { due.append([]) }
        due[day].append(task)
    }
}
