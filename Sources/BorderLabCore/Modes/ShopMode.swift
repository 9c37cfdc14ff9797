/// The business mode a shop runs in: the paper's five traditional CBEC modes, with self-operated B2C split into
/// comprehensive and vertical. The mode decides where goods come from, who holds stock, and how the shop earns.
public enum ShopMode: String, CaseIterable, Sendable, Codable {
    /// Overseas purchasing (海外代购): buy abroad after the customer orders; price difference plus a service fee.
    case daigou
    /// Self-operated B2C, comprehensive (自营B2C综合型): own stock of many categories, bonded or overseas warehouse.
    case b2cComprehensive = "b2c-comprehensive"
    /// Self-operated B2C, vertical (自营B2C垂直型): own stock of one category; specialists earn shoppers' trust.
    case b2cVertical = "b2c-vertical"
    /// Direct-delivery platform (直发/直运平台): supply agreements with overseas suppliers who mail parcels (9610) direct.
    case directDelivery = "direct-delivery"
    /// Shopping guide and rebate (导购返利): traffic sent to merchants, commission per attributed sale.
    case rebate
    /// Third-party B2B platform (第三方B2B平台): suppliers and buyers trade through it (9710/9810); membership or service fees.
    case b2bPlatform = "b2b-platform"

    /// The modes a scenario offers, in the order `new --help` lists them.
    public static func modes(for scenario: Scenario) -> [ShopMode] {
        scenario.isImport ? [.daigou, .b2cComprehensive, .b2cVertical, .directDelivery, .rebate]
                          : [.b2cComprehensive, .b2cVertical, .b2bPlatform]
    }

    /// The other preset that offers a mode name, for an error that says where the mode lives; nil when none does.
    public static func scenario(offering name: String, besides scenario: Scenario) -> Scenario? {
        guard let mode = ShopMode(rawValue: name) else { return nil }
        return Scenario.all.first { $0 != scenario && modes(for: $0).contains(mode) }
    }

    /// One line for `new --help` and `status`.
    public var summary: String {
        switch self {
        case .daigou:
            "overseas purchasing: buy abroad only after a customer orders (no stock, no capital tied up); earn the price difference plus a service fee; repeat buyers in a circle of friends, higher customs risk, suppliers whose papers may be fake"
        case .b2cComprehensive:
            "self-operated B2C, comprehensive: buy stock of any category (1210 bonded warehouse or 9610 parcels for cn-import, 9810 overseas warehouse or 9610 parcels for global-export) and sell it at a margin; storage fees and capital tied up"
        case .b2cVertical:
            "self-operated B2C, vertical: the same with one category only; shoppers trust a specialist more"
        case .directDelivery:
            "direct-delivery platform: sign supply agreements (an up-front onboarding cost), suppliers mail each order 9610 direct, the platform keeps a commission; little traffic at first"
        case .rebate:
            "shopping guide and rebate: send shoppers to merchants, earn a commission per attributed sale, pay part back as a rebate; buy traffic, beware click fraud"
        case .b2bPlatform:
            "third-party B2B platform: Chinese suppliers and overseas buyers join or leave by fee level; a registration (membership) fee versus a service fee on each trade, shipped 9710 or 9810"
        }
    }

    /// The one-line summary in the words of a scenario: the customs modes a B2C shop can use there.
    public func summary(in scenario: Scenario) -> String {
        guard holdsStock else { return summary }
        let how = scenario.isImport ? "1210 bonded warehouse in China or 9610 parcels from abroad"
                                    : "9810 overseas warehouse or 9610 parcels from China"
        return self == .b2cComprehensive
            ? "self-operated B2C, comprehensive: buy stock of any category (\(how)) and sell it at a margin; storage fees and capital tied up"
            : "self-operated B2C, vertical: the same with one category only (\(how)); shoppers trust a specialist more"
    }

    /// True when the shop buys and holds its own stock (the B2C modes).
    public var holdsStock: Bool { self == .b2cComprehensive || self == .b2cVertical }

    /// Why a mode without its own stock refuses to buy or quote stock, with what to do instead.
    public var noStockReason: String {
        switch self {
        case .b2cComprehensive, .b2cVertical:
            "This mode buys stock with `borderlab market buy`."
        case .daigou:
            "A daigou shop buys abroad only after a customer orders, at the shelf price: list products with `borderlab shop add SKU --price \"AMOUNT CNY\"` and set your fee with `borderlab shop set daigou.service_fee PERCENT`."
        case .directDelivery:
            "On a direct-delivery platform the signed supplier mails each order: sign with `borderlab shop sign SUPPLIER`, then list with `borderlab shop add SKU --price \"AMOUNT CNY\"`."
        case .rebate:
            "A rebate site holds no stock: merchants sell and ship. Promote a product with `borderlab shop add SKU` and buy traffic with `borderlab shop set rebate.ad_budget \"AMOUNT CNY\"`."
        case .b2bPlatform:
            "A B2B platform holds no stock: its members trade. Set its fees with `borderlab shop set platform.commission PERCENT` or `platform.registration_fee \"AMOUNT CNY\"`."
        }
    }

    /// True when customers buy from the shop's storefront (all but the B2B platform and the rebate site).
    public var sellsRetail: Bool { self != .b2bPlatform && self != .rebate }
}
