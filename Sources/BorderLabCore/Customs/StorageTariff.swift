/// Warehouse storage fees: overseas-warehouse tiers by the age of the stock (DOMAIN.md) and a flat bonded-zone rate.
///
/// Fees are per cubic metre per day. Volumes stay in whole cubic centimetres (L × W × H of the product, cm) and each
/// fee is rounded half-up once: fee = rate × cm³ / 1,000,000.
public enum StorageTier: UInt8, CaseIterable, Sendable, Hashable {
    /// Overseas warehouse, days 0–30 after arrival: free.
    case free
    case days31to60, days61to90, days91to180, days181to270, days271to360, over360
    /// 1210 bonded zone: one rate, no free period.
    case bonded

    /// The tier's name in the `storage_fees` table.
    public var label: String {
        switch self {
        case .free: "0-30"
        case .days31to60: "31-60"
        case .days61to90: "61-90"
        case .days91to180: "91-180"
        case .days181to270: "181-270"
        case .days271to360: "271-360"
        case .over360: "361+"
        case .bonded: "bonded"
        }
    }

    /// The rate per m³ per day. Overseas: DOMAIN.md's tiers in USD (one provider's published example, used for every
    /// overseas warehouse). Bonded zone: *assumption* 2.00 CNY per m³ per day.
    public var ratePerCubicMetre: Money {
        switch self {
        case .free: Money(minor: 0, .USD)
        case .days31to60: Money(minor: 50, .USD)
        case .days61to90: Money(minor: 100, .USD)
        case .days91to180: Money(minor: 150, .USD)
        case .days181to270: Money(minor: 300, .USD)
        case .days271to360: Money(minor: 400, .USD)
        case .over360: Money(minor: 500, .USD)
        case .bonded: Money(minor: 200, .CNY)
        }
    }

    /// The overseas tier of stock `age` days after it arrived (arrival day = age 0; day 30 is the last free day).
    public static func overseas(age: Int) -> StorageTier {
        switch age {
        case ...30: .free
        case 31...60: .days31to60
        case 61...90: .days61to90
        case 91...180: .days91to180
        case 181...270: .days181to270
        case 271...360: .days271to360
        default: .over360
        }
    }
}

/// Where a lot's stock is stored, as far as storage fees go.
public enum StorageSite: UInt8, Sendable {
    /// Hubs and the home warehouse: no storage fee in this release.
    case none
    /// `overseas:XX` (9810): tiered by age.
    case overseas
    /// `bonded:CN` (1210): flat.
    case bonded

    public init(location: String) {
        if location.hasPrefix("overseas:") { self = .overseas } else if location.hasPrefix("bonded:") { self = .bonded } else { self = .none }
    }
}

/// One received batch of a lot: the units that arrived on one day, for ageing stock first-in first-out.
public struct StockCohort: Sendable, Hashable {
    public let arrivalDay: Int
    public let units: Int
}

/// One monthly storage bill of a lot in one tier (the `storage_fees` table; tiers with a zero fee are not kept).
///
/// Warehouses bill monthly: each day's volume on hand accrues by tier as cubic-centimetre-days, and on the first day of
/// the next month the bill is rate × cm³-days / 1,000,000, rounded half-up once, and paid as one ledger entry per lot.
public struct StorageFee: Sendable, Hashable {
    public let lotID: Int
    /// The day billed (the first day of the next month).
    public let day: Int
    /// The first and last day the bill covers.
    public let fromDay: Int
    public let toDay: Int
    public let tier: StorageTier
    /// Units on hand of that age tier, summed over the days (unit-days).
    public let unitDays: Int64
    /// Their volume summed over the days, cm³-days.
    public let cubicCmDays: Int64
    /// The fee, in the tier's currency (USD overseas, CNY bonded).
    public let fee: Money
}

extension StorageTier {
    /// A day's fees of one lot, by tier (ascending), zero fees left out.
    ///
    /// FIFO ageing: whatever left the lot (sales, samples, write-offs) left the oldest cohorts first, so the `onHand`
    /// units still there are the youngest ones; walking the cohorts from the newest back gives each its units on hand.
    /// A return put back on the shelf raises `onHand`, so it takes the age of the last cohort units left from: returns
    /// are not treated as fresh stock. Units on hand beyond every cohort (stock that came without a recorded arrival)
    /// count as arrived today.
    ///
    /// - Parameters:
    ///   - cohorts: the lot's received batches, oldest first.
    ///   - unitCubicCm: the volume of one unit (L × W × H), cm³.
    /// Adds one day of a lot's stock to its accrual, by tier: `unitDays[tier] += units`, without allocating.
    static func accrue(cohorts: [StockCohort], onHand: Int, day: Int, site: StorageSite, into unitDays: inout [Int64], base: Int) {
        guard site != .none, onHand > 0 else { return }
        var left = onHand
        var k = cohorts.count - 1
        while k >= 0 && left > 0 {
            let take = min(cohorts[k].units, left)
            left -= take
            let tier = site == .bonded ? StorageTier.bonded : .overseas(age: day - cohorts[k].arrivalDay)
            unitDays[base + Int(tier.rawValue)] += Int64(take)
            k -= 1
        }
        if left > 0 { unitDays[base + Int((site == .bonded ? StorageTier.bonded : .free).rawValue)] += Int64(left) }
    }

    public static func charges(cohorts: [StockCohort], onHand: Int, unitCubicCm: Int, day: Int,
                               site: StorageSite) -> [(tier: StorageTier, units: Int, cubicCm: Int64, fee: Money)] {
        guard site != .none, onHand > 0 else { return [] }
        var units = [Int](repeating: 0, count: StorageTier.allCases.count)
        var left = onHand
        for cohort in cohorts.reversed() where left > 0 {
            let take = min(cohort.units, left)
            left -= take
            let tier = site == .bonded ? StorageTier.bonded : .overseas(age: day - cohort.arrivalDay)
            units[Int(tier.rawValue)] += take
        }
        if left > 0 { units[Int((site == .bonded ? StorageTier.bonded : .free).rawValue)] += left }
        var result: [(tier: StorageTier, units: Int, cubicCm: Int64, fee: Money)] = []
        for tier in StorageTier.allCases where units[Int(tier.rawValue)] > 0 {
            let cubicCm = Int64(units[Int(tier.rawValue)]) * Int64(unitCubicCm)
            let rate = tier.ratePerCubicMetre
            let fee = divideHalfUp(Int128(rate.minor) * Int128(cubicCm), 1_000_000)
            if fee > 0 { result.append((tier, units[Int(tier.rawValue)], cubicCm, Money(minor: fee, rate.currency))) }
        }
        return result
    }
}
