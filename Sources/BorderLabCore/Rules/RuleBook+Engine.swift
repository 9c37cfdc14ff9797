/// What the engine asks of the rule book besides single computations.
extension RuleBook {
    /// Every date on which some rule starts or stops, sorted: the boundaries between rule "epochs".
    static let boundaries: [Int] = {
        var days: [Int] = []
        for rule in all {
            days.append(rule.effectiveFrom.daysSinceEpoch)
            if let to = rule.effectiveTo { days.append(to.daysSinceEpoch + 1) }
        }
        return days.sorted()
    }()

    /// A number that changes exactly when the set of rules in force changes; the engine caches tax results per epoch.
    public static func epoch(on date: SimDate) -> Int {
        let day = date.daysSinceEpoch
        var low = 0, high = boundaries.count
        while low < high {
            let mid = (low + high) / 2
            if boundaries[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension DestinationTax {
    /// The ad-valorem import duty on goods of `category` entering `destination` from `origin` on `date`,
    /// including any dated surcharge on the origin: what the shop pays bringing stock into an overseas warehouse (9810).
    /// True when the destination's customs value includes international shipping and insurance (CIF: EU, JP, GB);
    /// false when duty is on the goods alone (FOB: US, AU).
    public static func dutyIncludesShipping(destination: Country, date: SimDate) -> Bool {
        RuleBook.dutySchedules.value(on: date, key: destination.isEU ? "EU" : destination.code)?.includesShipping ?? true
    }

    public static func dutyRate(category: Category, destination: Country, origin: Country, date: SimDate) -> Rational {
        let jurisdiction = destination.isEU ? "EU" : destination.code
        var bp = RuleBook.dutySchedules.value(on: date, key: jurisdiction)?.rateBP(for: category) ?? 0
        if jurisdiction == "US" {
            bp += RuleBook.usSection301BP(category: category, origin: origin.code, on: date)
                + RuleBook.usSurchargeBP(origin: origin.code, on: date)
        }
        return Rational(basisPoints: bp)
    }

    /// The VAT, GST, consumption or sales tax on a sale to a customer in `destination` from stock already imported
    /// there (9810 overseas warehouse), for goods of `category` on `date`: read from the same rule rows as the border
    /// taxes, so Germany charges 16% in the second half of 2020 and Japan 8% before October 2019 and on food.
    public static func localSaleTaxBP(destination: Country, category: Category, on date: SimDate) -> Int {
        if destination.isEU { return euVATBP(destination, category, on: date) }
        switch destination.code {
        case "JP": return jpConsumptionTaxBP(category, on: date)
        case "GB": return RuleBook.gbVAT.value(on: date)?.rateBP ?? 0
        case "AU": return RuleBook.auGST.value(on: date)?.rateBP ?? 0
        case "US": return RuleBook.usSalesTax.value(on: date)?.rateBP ?? 0
        default: return 0
        }
    }
}

extension RuleBook {
    /// Japan values goods imported for personal use at 60% of their overseas retail price (JP-SMALL-VALUE-10000).
    public static let jpPersonalUseValueBP = 6_000
}
