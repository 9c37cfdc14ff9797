/// A country of the simulated world: where suppliers sit, customers live and rules apply.
public struct Country: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2 code.
    public let code: String
    public let name: String
    public let currency: Currency
    /// Member of the EU customs union (IOSS applies).
    public let isEU: Bool

    public var description: String { code }
    public static func < (l: Country, r: Country) -> Bool { l.code < r.code }

    public static let CN = Country(code: "CN", name: "China", currency: .CNY, isEU: false)
    public static let JP = Country(code: "JP", name: "Japan", currency: .JPY, isEU: false)
    public static let KR = Country(code: "KR", name: "South Korea", currency: .USD, isEU: false)
    public static let US = Country(code: "US", name: "United States", currency: .USD, isEU: false)
    public static let DE = Country(code: "DE", name: "Germany", currency: .EUR, isEU: true)
    public static let FR = Country(code: "FR", name: "France", currency: .EUR, isEU: true)
    public static let IT = Country(code: "IT", name: "Italy", currency: .EUR, isEU: true)
    public static let NL = Country(code: "NL", name: "Netherlands", currency: .EUR, isEU: true)
    public static let ES = Country(code: "ES", name: "Spain", currency: .EUR, isEU: true)
    public static let GB = Country(code: "GB", name: "United Kingdom", currency: .GBP, isEU: false)
    public static let AU = Country(code: "AU", name: "Australia", currency: .AUD, isEU: false)
    public static let NZ = Country(code: "NZ", name: "New Zealand", currency: .AUD, isEU: false)

    /// Every country the world knows, in code order.
    public static let all: [Country] = [AU, CN, DE, ES, FR, GB, IT, JP, KR, NL, NZ, US]

    public static func named(_ code: String) -> Country? { all.first { $0.code == code.uppercased() } }
}
