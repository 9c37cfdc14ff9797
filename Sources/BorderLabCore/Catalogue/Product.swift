/// A product category. It drives tax treatment, return rates and shopper interest.
public enum Category: String, CaseIterable, Sendable, Codable, Comparable {
    case cosmetics
    case infantFormula = "infant-formula"
    case supplements
    case kitchenware
    case electronics
    case apparel
    case watches
    case jewellery

    public static func < (l: Category, r: Category) -> Bool { l.rawValue < r.rawValue }
}

/// The statutory tax treatment of a kind of product, in basis points (1300 = 13%).
///
/// China's CBEC retail import tax and the export destinations' duties read these; see DOMAIN.md. Consumption tax is
/// not a property of the class: whether a good pays it follows from its tariff subheading and its dutiable value per
/// ml, g or piece on the day (``RuleBook/cnConsumptionTax``), so the same lipstick may pay it at one price and not
/// at another.
public struct TaxClass: Hashable, Sendable, Codable {
    /// A stable name students see in `products.tax_class` (e.g. `general-13`, `cosmetic`).
    public let code: String
    /// China import VAT rate.
    public let vatBP: Int
    /// China MFN tariff rate, used only when CBEC's single-item rule applies full duties.
    public let tariffBP: Int
    /// A representative tariff subheading (6 digits of the HS code); products state their own (``Product/hsSubheading``).
    public let hsSubheading: String

    public init(code: String, vatBP: Int, tariffBP: Int, hsSubheading: String) {
        self.code = code
        self.vatBP = vatBP
        self.tariffBP = tariffBP
        self.hsSubheading = hsSubheading
    }
}

/// How a product's net content is measured, for China's price line on high-end cosmetics (Caishui [2016] No. 103):
/// per ml, per g, or per piece (sheet, pad, item of a set).
public enum ContentUnit: String, Sendable, Hashable, Codable {
    case ml, g
    case piece = "pcs"
}

/// The net content of one sales unit, e.g. 30 ml, 3.5 g or 10 pieces, kept in tenths so it stays exact.
public struct NetContent: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount × 10 (3.5 g is 35).
    public let tenths: Int
    public let unit: ContentUnit

    /// A whole amount: `NetContent(30, .ml)`.
    public init(_ amount: Int, _ unit: ContentUnit) { self.init(tenths: amount * 10, unit) }

    /// An amount in tenths: `NetContent(tenths: 35, .g)` is 3.5 g.
    public init(tenths: Int, _ unit: ContentUnit) {
        precondition(tenths > 0, "net content must be positive")
        self.tenths = tenths
        self.unit = unit
    }

    public var description: String {
        "\(tenths / 10)\(tenths % 10 == 0 ? "" : ".\(tenths % 10)") \(unit.rawValue)"
    }
}

/// One step of a supplier's volume price: from `minQuantity` units the unit price is `unitPrice`.
public struct PriceTier: Hashable, Sendable, Codable {
    public let minQuantity: Int
    public let unitPrice: Money
    public init(minQuantity: Int, unitPrice: Money) {
        self.minQuantity = minQuantity
        self.unitPrice = unitPrice
    }
}

/// A product a supplier offers: physical data, tax treatment and trade terms.
public struct Product: Hashable, Sendable, Identifiable {
    /// The SKU, unique in the world (e.g. `JP-COS-01`).
    public let id: String
    public let name: String
    public let category: Category
    public let supplierID: String
    public let weightGrams: Int
    public let lengthCm: Int
    public let widthCm: Int
    public let heightCm: Int
    public let taxClass: TaxClass
    /// On China's CBEC positive list (only listed lines clear as CBEC retail imports).
    public let positiveList: Bool
    /// Intrinsic quality on a 0–1 scale; shoppers value it and reviews follow it.
    public let quality: Double
    /// Share of units that arrive defective, in basis points.
    public let defectBP: Int
    /// Volume prices in the supplier's currency, ascending by quantity; the first tier's quantity is the MOQ.
    public let tiers: [PriceTier]
    /// Days from order to dispatch at the supplier.
    public let leadTimeDays: Int
    /// A typical retail price in the destination markets, the anchor of shoppers' first reference price.
    public let typicalRetail: Money
    /// The good's own 6-digit HS subheading: the EU's flat duty counts distinct subheadings per parcel and China's
    /// consumption tax is scoped by tariff heading.
    public let hsSubheading: String
    /// Net content of one unit (ml, g or pieces), where China's consumption tax measures the price by it; `nil`
    /// counts the unit as one piece.
    public let content: NetContent?

    public init(id: String, name: String, category: Category, supplierID: String, weightGrams: Int,
                lengthCm: Int, widthCm: Int, heightCm: Int, taxClass: TaxClass, positiveList: Bool,
                quality: Double, defectBP: Int, tiers: [PriceTier], leadTimeDays: Int, typicalRetail: Money,
                hsSubheading: String? = nil, content: NetContent? = nil) {
        self.hsSubheading = hsSubheading ?? taxClass.hsSubheading
        self.content = content
        self.id = id
        self.name = name
        self.category = category
        self.supplierID = supplierID
        self.weightGrams = weightGrams
        self.lengthCm = lengthCm
        self.widthCm = widthCm
        self.heightCm = heightCm
        self.taxClass = taxClass
        self.positiveList = positiveList
        self.quality = quality
        self.defectBP = defectBP
        self.tiers = tiers
        self.leadTimeDays = leadTimeDays
        self.typicalRetail = typicalRetail
    }

    /// Minimum order quantity.
    public var moq: Int { tiers.first?.minQuantity ?? 1 }

    /// The unit price for an order of `quantity` units (the highest tier reached).
    public func unitPrice(quantity: Int) -> Money {
        var price = tiers[0].unitPrice
        for tier in tiers where quantity >= tier.minQuantity { price = tier.unitPrice }
        return price
    }

    /// Volumetric weight in grams: L × W × H (cm) / 6000 kg, as dedicated lines and freight charge (express divides by
    /// 5000 and postal services charge actual weight: ``Channel/chargeableGrams(of:)``).
    public var volumetricGrams: Int { (lengthCm * widthCm * heightCm * 1000 + 5999) / 6000 }

    /// The larger of actual and volumetric (÷ 6000) weight, in grams: the `products.chargeable_g` figure.
    public var chargeableGrams: Int { max(weightGrams, volumetricGrams) }
}

/// A supplier in the overseas (or domestic) market.
public struct Supplier: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let country: Country
    public let city: String
    /// The currency of its price list.
    public let currency: Currency
    /// Units it can dispatch per day across all products.
    public let dailyCapacity: Int
    /// Rating from past buyers, 1–5.
    public let rating: Double

    public init(id: String, name: String, country: Country, city: String, currency: Currency, dailyCapacity: Int, rating: Double) {
        self.id = id
        self.name = name
        self.country = country
        self.city = city
        self.currency = currency
        self.dailyCapacity = dailyCapacity
        self.rating = rating
    }
}

/// The supplier market: every supplier and product of the world, in id order.
public struct Catalogue: Sendable {
    public let suppliers: [Supplier]
    public let products: [Product]

    public init(suppliers: [Supplier], products: [Product]) {
        self.suppliers = suppliers.sorted { $0.id < $1.id }
        self.products = products.sorted { $0.id < $1.id }
    }

    public func product(_ sku: String) -> Product? { products.first { $0.id == sku } }
    public func supplier(_ id: String) -> Supplier? { suppliers.first { $0.id == id } }
}
