/// How goods move: parcel channels to customers, bulk channels into warehouses, last-mile delivery.
///
/// Cost is by chargeable weight, the larger of actual and volumetric weight (L × W × H / 5000 for express,
/// / 6000 for dedicated lines and freight; postal and ePacket charge actual weight), rounded up to the next 100 g; transit days are drawn uniformly between the channel's bounds.
/// Figures follow DOMAIN.md (express 3–7 days, dedicated line 7–15, postal 15–40, ePacket 7–20 and ≤ 2 kg);
/// prices in CNY are *assumptions* near published forwarder rates.
public enum Channel: String, CaseIterable, Sendable, Codable, Comparable {
    case postal
    case epacket
    case dedicatedLine = "dedicated-line"
    case express
    case bondedDelivery = "bonded-delivery"
    case overseasWarehouse = "overseas-warehouse"
    case seaFreight = "sea-freight"
    case airFreight = "air-freight"

    public static func < (l: Channel, r: Channel) -> Bool { l.rawValue < r.rawValue }

    public enum Kind: String, Sendable { case parcel, lastMile = "last-mile", bulk }

    public var kind: Kind {
        switch self {
        case .postal, .epacket, .dedicatedLine, .express: .parcel
        case .bondedDelivery, .overseasWarehouse: .lastMile
        case .seaFreight, .airFreight: .bulk
        }
    }

    /// Fixed charge per parcel or per bulk shipment, in fen.
    public var fixedFen: Int64 {
        switch self {
        case .postal: 1_800
        case .epacket: 1_500
        case .dedicatedLine: 2_500
        case .express: 6_000
        case .bondedDelivery: 800
        case .overseasWarehouse: 3_000
        case .seaFreight: 80_000
        case .airFreight: 30_000
        }
    }

    /// Charge per kilogram of chargeable weight, in fen.
    public var perKgFen: Int64 {
        switch self {
        case .postal: 5_500
        case .epacket: 7_000
        case .dedicatedLine: 8_500
        case .express: 14_000
        case .bondedDelivery: 600
        case .overseasWarehouse: 2_000
        case .seaFreight: 600
        case .airFreight: 3_000
        }
    }

    /// Transit days, inclusive bounds.
    public var transitDays: ClosedRange<Int> {
        switch self {
        case .postal: 15...40
        case .epacket: 7...20
        case .dedicatedLine: 7...15
        case .express: 3...7
        case .bondedDelivery: 1...3
        case .overseasWarehouse: 2...5
        case .seaFreight: 25...40
        case .airFreight: 5...10
        }
    }

    /// Sea freight by lane, door to door: port-to-port days plus 3–7 days of port handling and customs for bulk
    /// (DOMAIN.md, "Economics of a real cross-border shop": Korea/Japan–China 2–7 days, Europe–China 30–40,
    /// US West Coast and Australia–China 15–20). Lanes not listed take the channel's 25–40 days.
    public static func seaLaneDays(from origin: String, to destination: String) -> ClosedRange<Int> {
        let other = origin == "CN" ? destination : (destination == "CN" ? origin : "")
        switch other {
        case "JP", "KR": return 5...14
        case "US", "AU", "NZ": return 18...27
        case "DE", "FR", "IT", "ES", "NL", "GB", "IE", "CH": return 33...47
        default: return Channel.seaFreight.transitDays
        }
    }

    /// The delivery promise shown to shoppers: the upper bound of transit.
    public var promisedDays: Int { transitDays.upperBound }

    /// The heaviest parcel the channel takes, in grams (ePacket: 2 kg).
    public var maxParcelGrams: Int? { self == .epacket ? 2_000 : nil }

    /// Share of parcels that arrive after the promise, in basis points, and by how many days at most
    /// (*assumption*: carriers miss their published windows more often the cheaper and longer the route).
    public var late: (shareBP: Int, maxDays: Int) {
        switch self {
        case .postal: (1_000, 15)
        case .epacket: (800, 10)
        case .dedicatedLine: (600, 7)
        case .express: (300, 4)
        case .bondedDelivery: (200, 2)
        case .overseasWarehouse: (300, 3)
        case .seaFreight: (1_500, 10)
        case .airFreight: (500, 4)
        }
    }

    /// Share of parcels lost in transit, in basis points (*assumption*).
    public var lossBP: Int {
        switch self {
        case .postal: 80
        case .epacket: 50
        case .dedicatedLine: 30
        case .express: 10
        case .bondedDelivery, .overseasWarehouse: 5
        case .seaFreight, .airFreight: 0
        }
    }

    /// The divisor of L × W × H (cm) that gives a parcel's volumetric weight in kg, or nil when the channel charges
    /// actual weight only. Express carriers (DHL, UPS, FedEx) divide by 5,000, dedicated lines and freight by 6,000,
    /// postal services and ePacket mostly charge actual weight (DOMAIN.md, rule audit).
    public var volumetricDivisor: Int? {
        switch self {
        case .express: 5_000
        case .postal, .epacket: nil
        case .dedicatedLine, .bondedDelivery, .overseasWarehouse, .seaFreight, .airFreight: 6_000
        }
    }

    /// What this channel charges one unit of `product` by, in grams: the larger of actual and volumetric weight
    /// (rounded up to the gram), or the actual weight where the channel ignores volume.
    public func chargeableGrams(of product: Product) -> Int {
        guard let divisor = volumetricDivisor else { return product.weightGrams }
        let volume = product.lengthCm * product.widthCm * product.heightCm * 1000
        return max(product.weightGrams, (volume + divisor - 1) / divisor)
    }

    /// The cost of carrying `grams` of chargeable weight, in CNY: fixed + per kg, weight rounded up to 100 g.
    public func cost(chargeableGrams grams: Int) -> Money {
        let hundreds = Int64((grams + 99) / 100)
        return Money(minor: fixedFen + divideHalfUp(Int128(perKgFen) * Int128(hundreds), 10), .CNY)
    }

    /// One line for `--help` texts.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Cargo insurance on goods plus freight (*assumption*: 0.3%, a common all-risk premium).
public enum CargoInsurance {
    public static let rateBP = 30

    public static func premium(goodsAndFreight: Money) -> Money {
        goodsAndFreight.times(Rational(basisPoints: rateBP))
    }
}

/// Domestic trucking from a supplier to a hub or warehouse in its own country (*assumption*: 20 CNY + 2 CNY/kg, 2–4 days).
public enum Inland {
    public static let transitDays = 2...4

    public static func cost(chargeableGrams grams: Int) -> Money {
        let hundreds = Int64((grams + 99) / 100)
        return Money(minor: 2_000 + divideHalfUp(Int128(200) * Int128(hundreds), 10), .CNY)
    }
}
