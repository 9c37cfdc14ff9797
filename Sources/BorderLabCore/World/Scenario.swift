/// A world preset: who the shop sells to, where it buys, how goods may travel, and its starting position.
public struct Scenario: Sendable, Hashable, Identifiable {
    public let id: String
    public let summary: String
    /// The shop's accounting currency.
    public let homeCurrency: Currency
    /// The currency listings are priced in.
    public let storefrontCurrency: Currency
    public let startingCash: Money
    public let defaultStartDate: SimDate
    public let defaultCustomers: Int
    /// Customer countries with their share of the population (basis points, summing to 10,000).
    public let customerMix: [(country: String, shareBP: Int)]
    /// True when the shop buys abroad and sells in China; false when it buys in China and sells abroad.
    public let isImport: Bool
    /// Customs modes a purchase may use.
    public let customsModes: [CustomsMode]

    public static func == (l: Scenario, r: Scenario) -> Bool { l.id == r.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Overseas goods to Chinese consumers through 9610 direct mail or 1210 bonded warehouse.
    public static let cnImport = Scenario(
        id: "cn-import",
        summary: "Overseas goods to Chinese consumers through 9610 direct mail or 1210 bonded warehouse",
        homeCurrency: .CNY, storefrontCurrency: .CNY, startingCash: Money(major: 500_000, .CNY),
        defaultStartDate: SimDate(year: 2026, month: 10, day: 20)!, defaultCustomers: 2_000,
        customerMix: [("CN", 10_000)], isImport: true, customsModes: [.directMail, .bonded])

    /// A Chinese seller to US, EU and JP customers by postal, express or overseas warehouse, with EU IOSS VAT.
    public static let globalExport = Scenario(
        id: "global-export",
        summary: "A Chinese seller to US, EU and JP customers by postal, express or overseas warehouse (EU IOSS VAT)",
        homeCurrency: .CNY, storefrontCurrency: .USD, startingCash: Money(major: 500_000, .CNY),
        defaultStartDate: SimDate(year: 2026, month: 11, day: 1)!, defaultCustomers: 2_000,
        customerMix: [("US", 4_500), ("DE", 2_000), ("FR", 1_500), ("JP", 2_000)], isImport: false,
        customsModes: [.directMail, .overseasWarehouse])

    public static let all: [Scenario] = [cnImport, globalExport]

    public static func named(_ id: String) -> Scenario? { all.first { $0.id == id } }

    /// The countries of its customers, in mix order.
    public var customerCountries: [String] { customerMix.map(\.country) }
}

/// China customs supervision codes for cross-border e-commerce (DOMAIN.md).
public enum CustomsMode: String, CaseIterable, Sendable, Codable, Comparable {
    /// 9610: direct mail, parcel by parcel (import or export).
    case directMail = "9610"
    /// 1210: bonded e-commerce: bulk import into a bonded zone, taxed at sale.
    case bonded = "1210"
    /// 9710: B2B direct export.
    case b2bDirect = "9710"
    /// 9810: export to an overseas warehouse.
    case overseasWarehouse = "9810"

    public static func < (l: CustomsMode, r: CustomsMode) -> Bool { l.rawValue < r.rawValue }

    public var title: String {
        switch self {
        case .directMail: "direct mail, parcel by parcel"
        case .bonded: "bonded warehouse, taxed at sale"
        case .b2bDirect: "B2B direct export"
        case .overseasWarehouse: "export to an overseas warehouse"
        }
    }
}
