/// Classical test theory over a class's check results: how hard each check was, whether it tells strong students
/// from weak ones, and how reliable the exercise is as a whole — the teaching half of quality monitoring.
///
/// Formulas (Crocker & Algina, *Introduction to Classical and Modern Test Theory*; Kelley 1939 for the 27% groups):
/// - difficulty p = mean item score / item maximum (the share of the points earned; high p = easy);
/// - discrimination D = (mean of the upper 27% − mean of the lower 27%) / item maximum, groups by total score;
/// - corrected point-biserial r = Pearson correlation of the item with the total *without that item*;
/// - Cronbach's α = k/(k − 1) · (1 − Σ item variances / variance of totals);
/// - standard error of measurement SEM = SD of totals · √(1 − α).
public struct ItemAnalysis: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let id: String
        public let difficulty: Double
        public let discrimination: Double
        /// nil when the item or the rest of the test does not vary (the correlation is undefined).
        public let pointBiserial: Double?
        public let flags: [Flag]
    }

    public enum Flag: String, Sendable, Equatable, Codable {
        /// Discrimination below 0.2: the check barely separates strong from weak students.
        case lowDiscrimination = "low-discrimination"
        /// Negative discrimination or correlation: weak students do better — often a wrong expected value or an
        /// ambiguous task.
        case negative
        /// p above 0.9: nearly everyone passes; it teaches or measures little.
        case tooEasy = "too-easy"
        /// p below 0.2: nearly everyone fails; check the task and its hints.
        case tooHard = "too-hard"
    }

    public let items: [Item]
    public let students: Int
    /// nil with fewer than two items or no variance in the totals.
    public let cronbachAlpha: Double?
    public let standardErrorOfMeasurement: Double?
    public let meanTotal: Double
    public let maxTotal: Double
    /// Below 20 submissions the statistics are too noisy to act on; the report says so.
    public var reliable: Bool { students >= ItemAnalysis.minimumStudents }
    public static let minimumStudents = 20

    /// - Parameters:
    ///   - itemIDs: the checks, in report order.
    ///   - maxima: each check's points possible (positive).
    ///   - scores: one row per graded submission, aligned with `itemIDs`.
    public init(itemIDs: [String], maxima: [Double], scores: [[Double]]) {
        precondition(itemIDs.count == maxima.count && scores.allSatisfy { $0.count == itemIDs.count })
        let n = scores.count, k = itemIDs.count
        students = n
        maxTotal = maxima.reduce(0, +)
        let totals = scores.map { $0.reduce(0, +) }
        meanTotal = n == 0 ? 0 : totals.reduce(0, +) / Double(n)
        // Upper and lower 27% by total; ties broken by position so the groups are deterministic.
        let order = totals.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        let groupSize = n >= 2 ? max(1, Int((Double(n) * 0.27).rounded())) : 0
        let upper = Array(order.prefix(groupSize)), lower = Array(order.suffix(groupSize))
        var items: [Item] = []
        for j in 0..<k {
            let column = scores.map { $0[j] }
            let maximum = maxima[j] > 0 ? maxima[j] : 1
            let p = n == 0 ? 0 : column.reduce(0, +) / Double(n) / maximum
            let d = groupSize == 0 ? 0
                : (upper.reduce(0) { $0 + column[$1] } - lower.reduce(0) { $0 + column[$1] }) / Double(groupSize) / maximum
            let rest = zip(totals, column).map { $0 - $1 }
            let r = ItemAnalysis.pearson(column, rest)
            var flags: [Flag] = []
            if d < 0 || (r ?? 0) < 0 { flags.append(.negative) } else if d < 0.2 { flags.append(.lowDiscrimination) }
            if p > 0.9 { flags.append(.tooEasy) }
            if p < 0.2 { flags.append(.tooHard) }
            items.append(Item(id: itemIDs[j], difficulty: p, discrimination: d, pointBiserial: r, flags: flags))
        }
        self.items = items
        let totalVariance = ItemAnalysis.variance(totals)
        if k >= 2, n >= 2, totalVariance > 0 {
            let itemVariances = (0..<k).reduce(0.0) { sum, j in sum + ItemAnalysis.variance(scores.map { $0[j] }) }
            let alpha = Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance)
            cronbachAlpha = alpha
            standardErrorOfMeasurement = totalVariance.squareRoot() * max(0, 1 - alpha).squareRoot()
        } else {
            cronbachAlpha = nil
            standardErrorOfMeasurement = nil
        }
    }

    /// Sample variance (n − 1), 0 below two values.
    static func variance(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
