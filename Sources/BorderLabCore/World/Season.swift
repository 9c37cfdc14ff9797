/// Shopping peaks on their real dates, per market, as data.
///
/// Factors multiply the normal daily visit probability (DOMAIN.md: Singles' Day ≥ 12× on Chinese
/// platforms, Black Friday ≈ 2.7× and Cyber Monday ≈ 3.4× in the US; 618 and Christmas configurable).
public struct SeasonPeak: Sendable, Hashable {
    public let name: String
    /// Countries whose shoppers feel the peak.
    public let countries: [String]
    public let factor: Double
    let rule: DateRule

    enum DateRule: Sendable, Hashable {
        case fixed(month: Int, day: Int)
        case range(month: Int, from: Int, to: Int)
        /// Days after the fourth Thursday of November (0 = Thanksgiving, 1 = Black Friday, 4 = Cyber Monday).
        case afterThanksgiving(Int)
    }

    func matches(_ date: SimDate) -> Bool {
        switch rule {
        case .fixed(let m, let d): return date.month == m && date.day == d
        case .range(let m, let from, let to): return date.month == m && date.day >= from && date.day <= to
        case .afterThanksgiving(let offset):
            return date == Season.thanksgiving(year: date.year).adding(days: offset)
        }
    }
}

public enum Season {
    static let chinese = ["CN"]
    static let western = ["US", "DE", "FR", "IT", "ES", "NL", "GB", "AU"]

    /// The peaks, most specific first: the first that matches a date and country gives the factor.
    public static let peaks: [SeasonPeak] = [
        SeasonPeak(name: "Singles' Day (11.11)", countries: chinese, factor: 12.0, rule: .fixed(month: 11, day: 11)),
        SeasonPeak(name: "Singles' Day pre-sale", countries: chinese, factor: 1.6, rule: .range(month: 11, from: 1, to: 10)),
        SeasonPeak(name: "Singles' Day returns wave", countries: chinese, factor: 1.3, rule: .range(month: 11, from: 12, to: 13)),
        SeasonPeak(name: "618 shopping festival", countries: chinese, factor: 5.0, rule: .fixed(month: 6, day: 18)),
        SeasonPeak(name: "618 pre-sale", countries: chinese, factor: 1.4, rule: .range(month: 6, from: 1, to: 17)),
        SeasonPeak(name: "Double 12 (12.12)", countries: chinese, factor: 2.5, rule: .fixed(month: 12, day: 12)),
        SeasonPeak(name: "Black Friday", countries: western + ["JP"], factor: 2.7, rule: .afterThanksgiving(1)),
        SeasonPeak(name: "Black Friday weekend", countries: western, factor: 1.8, rule: .afterThanksgiving(2)),
        SeasonPeak(name: "Black Friday weekend", countries: western, factor: 1.8, rule: .afterThanksgiving(3)),
        SeasonPeak(name: "Cyber Monday", countries: western, factor: 3.4, rule: .afterThanksgiving(4)),
        SeasonPeak(name: "Christmas shopping", countries: western + ["JP"], factor: 1.4, rule: .range(month: 12, from: 1, to: 20)),
        SeasonPeak(name: "Boxing Day", countries: ["GB", "AU"], factor: 1.6, rule: .fixed(month: 12, day: 26)),
    ]

    /// The peak a shopper in `country` feels on `date`, if any.
    public static func peak(on date: SimDate, country: String) -> SeasonPeak? {
        peaks.first { $0.countries.contains(country) && $0.matches(date) }
    }

    /// The visit multiplier for `country` on `date` (1 on a normal day).
    public static func factor(on date: SimDate, country: String) -> Double {
        peak(on: date, country: country)?.factor ?? 1.0
    }

    /// The fourth Thursday of November of `year` (US Thanksgiving).
    public static func thanksgiving(year: Int) -> SimDate {
        let first = SimDate(year: year, month: 11, day: 1)!
        let offset = (3 - first.weekday + 7) % 7 // weekday 3 = Thursday
        return first.adding(days: offset + 21)
    }
}
