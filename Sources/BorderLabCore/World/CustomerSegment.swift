/// A group of shoppers with shared sensitivities in the multinomial-logit choice model.
///
/// Utility of a shown product j for a shopper of this segment:
/// `V = asc + βp·ln(P/Pt) + βq·(q − 0.7) + βr·(rating − 3) + βn·ln(1 + reviews) + βd·days + ref + affinity`,
/// where P is the landed price (goods + tax, in the shopper's currency), Pt the product's typical retail
/// price, and `ref` the reference-price term: η·ln(R/P) for a gain, 2.25·η·ln(R/P) for a loss
/// (Tversky & Kahneman 1992). No purchase has utility 0. With βp ≈ −2.8 and small shares the price
/// elasticity βp(1 − share) is near the −2.62 meta-analytic mean (Bijmolt et al. 2005).
public struct CustomerSegment: Sendable, Hashable, Identifiable {
    public let id: String
    public let summary: String
    public let asc: Double
    public let betaPrice: Double
    public let betaQuality: Double
    public let betaRating: Double
    public let betaReviews: Double
    /// Per promised delivery day (≈ −1.5% sales a day, Fisher, Gallino & Xu).
    public let betaDays: Double
    public let referenceWeight: Double
    /// Median budget for one purchase, in the shopper's currency major units.
    public let medianBudget: Double
    /// Extra utility by category, in `Category.allCases` order.
    public let affinity: [Double]

    /// Loss aversion in the reference-price term (Tversky & Kahneman 1992).
    public static let lossAversion = 2.25

    static func affinity(_ pairs: [(Category, Double)]) -> [Double] {
        Category.allCases.map { category in pairs.first { $0.0 == category }?.1 ?? 0 }
    }

    /// Segments by country: Chinese CBEC shoppers, and Western and Japanese shoppers of Chinese exports.
    public static func segments(for country: String) -> [(segment: CustomerSegment, shareBP: Int)] {
        if country == "CN" {
            return [(youngProfessional, 4_500), (newParent, 2_500), (bargainHunter, 3_000)]
        }
        return [(valueSeeker, 5_000), (qualitySeeker, 3_000), (giftBuyer, 2_000)]
    }

    public static let youngProfessional = CustomerSegment(
        id: "young-professional", summary: "Urban shoppers who want authentic imported beauty and electronics",
        asc: -5.6, betaPrice: -2.6, betaQuality: 2.0, betaRating: 0.5, betaReviews: 0.10, betaDays: -0.03,
        referenceWeight: 0.8, medianBudget: 900,
        affinity: affinity([(.cosmetics, 0.6), (.electronics, 0.3), (.supplements, 0.2), (.watches, 0.1)]))
    public static let newParent = CustomerSegment(
        id: "new-parent", summary: "Parents buying infant formula and supplements; quality first",
        asc: -5.7, betaPrice: -1.9, betaQuality: 3.0, betaRating: 0.7, betaReviews: 0.12, betaDays: -0.04,
        referenceWeight: 0.6, medianBudget: 700,
        affinity: affinity([(.infantFormula, 1.2), (.supplements, 0.5), (.kitchenware, 0.2)]))
    public static let bargainHunter = CustomerSegment(
        id: "bargain-hunter", summary: "Price-driven shoppers who wait for festivals and compare",
        asc: -5.9, betaPrice: -3.8, betaQuality: 1.0, betaRating: 0.4, betaReviews: 0.08, betaDays: -0.01,
        referenceWeight: 1.2, medianBudget: 300,
        affinity: affinity([(.kitchenware, 0.3), (.apparel, 0.3), (.cosmetics, 0.2)]))
    public static let valueSeeker = CustomerSegment(
        id: "value-seeker", summary: "Marketplace shoppers comparing landed prices",
        asc: -4.3, betaPrice: -3.4, betaQuality: 1.2, betaRating: 0.5, betaReviews: 0.10, betaDays: -0.03,
        referenceWeight: 1.0, medianBudget: 60,
        affinity: affinity([(.electronics, 0.4), (.kitchenware, 0.3), (.apparel, 0.2)]))
    public static let qualitySeeker = CustomerSegment(
        id: "quality-seeker", summary: "Shoppers who pay for ratings, reviews and fast delivery",
        asc: -4.3, betaPrice: -2.2, betaQuality: 2.4, betaRating: 0.8, betaReviews: 0.15, betaDays: -0.06,
        referenceWeight: 0.7, medianBudget: 120,
        affinity: affinity([(.electronics, 0.3), (.cosmetics, 0.3), (.kitchenware, 0.2)]))
    public static let giftBuyer = CustomerSegment(
        id: "gift-buyer", summary: "Seasonal gift shoppers, most active at Black Friday and Christmas",
        asc: -4.5, betaPrice: -2.8, betaQuality: 1.5, betaRating: 0.6, betaReviews: 0.10, betaDays: -0.08,
        referenceWeight: 0.9, medianBudget: 80,
        affinity: affinity([(.apparel, 0.4), (.cosmetics, 0.3), (.electronics, 0.2)]))

    public static let all: [CustomerSegment] = [youngProfessional, newParent, bargainHunter, valueSeeker, qualitySeeker, giftBuyer]
}
