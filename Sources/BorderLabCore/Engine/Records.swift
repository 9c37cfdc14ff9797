/// A product the shop offers in its storefront.
public struct Listing: Sendable, Hashable {
    public let sku: String
    /// Index of the SKU in the catalogue.
    public let product: Int
    public var price: Money
    public let listedDay: Int
    public var active: Bool
    public var reviewCount: Int
    public var starSum: Int
    /// Reference price per customer country, as a multiple of the product's typical retail price,
    /// smoothed exponentially from the landed prices shoppers saw.
    public var reference: [Double]

    /// The average rating, or nil before the first review.
    public var rating: Double? { reviewCount == 0 ? nil : Double(starSum) / Double(reviewCount) }
}

/// Stock of one SKU at one place, ready to go to customers by one route.
public struct StockLot: Sendable, Hashable {
    public let id: Int
    public let sku: String
    /// Where the goods sit: `bonded:CN`, `hub:JP`, `warehouse:CN`, `overseas:US`, …
    public let location: String
    public let customs: CustomsMode
    /// How each customer order leaves this stock.
    public let outbound: Channel
    /// Countries this stock can serve.
    public let serves: [String]
    /// `serves` as a bit mask over the scenario's customer countries (bit i = country i), for the daily offers.
    public let servesMask: UInt32
    /// Index of the SKU in the catalogue.
    public let product: Int
    public var onHand: Int
    public var inTransit: Int
    public var received: Int
    /// Units shipped to customers in parcels (gross: before returns, losses and holds).
    public var sold: Int
    /// Units bought for this lot (purchase orders, contributed stock, daigou buys on demand).
    public var purchased = 0
    /// Units of sold parcels that customs holds right now.
    public var heldAtCustoms = 0
    /// Units taken as samples by quality inspection (destroyed in testing).
    public var usedInInspection = 0
    /// Units of parcels lost in transit.
    public var lost = 0
    /// Units written off: seized, recalled, damaged returns, rejected batches sent back to the supplier.
    public var writtenOff = 0
    /// Units customers sent back (each then back in `onHand` or in `writtenOff`).
    public var returned = 0
    /// Stock bought only when a customer orders (daigou, direct-delivery): always offered, never on hand.
    public var onDemand = false
    /// Days before an on-demand parcel leaves (a daigou's shopping trip, a supplier's lead time), added to the promise.
    public var extraDays = 0
    /// Landed cost of the units on hand, in home-currency minor units (moving average).
    public var costOnHand: Int64

    /// The unit cost of the next unit sold, rounded half-up.
    public var unitCost: Int64 { onHand == 0 ? 0 : divideHalfUp(Int128(costOnHand), Int128(onHand)) }

    /// Units with customers for good: shipped, not returned, lost or held.
    public var soldNet: Int { sold - returned - lost - heldAtCustoms }

    /// Units conservation: every unit bought is with a customer, on hand, on its way, held, used in inspection, lost
    /// or written off — and a returned unit is counted once, back on hand or written off.
    public var unitsBalance: Bool {
        purchased == soldNet + onHand + inTransit + heldAtCustoms + usedInInspection + lost + writtenOff
    }
}

public enum PurchaseStatus: String, Sendable { case ordered, inTransit = "in_transit", received, cancelled }

public struct PurchaseOrder: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let sku: String
    public let supplierID: String
    public let quantity: Int
    public let unitPrice: Money
    public let goodsHome: Money
    public let freightHome: Money
    public let insuranceHome: Money
    public let dutyHome: Money
    public let channel: Channel
    public let customs: CustomsMode
    public let lotID: Int
    public let dispatchDay: Int
    public let arrivalDay: Int
    public var status: PurchaseStatus

    public var landedHome: Money { goodsHome + freightHome + insuranceHome + dutyHome }
}

public enum OrderStatus: String, Sendable {
    case shipped, delivered, lost
    /// Customs seized the parcel (documents never fixed); the customer was refunded.
    case seized
    /// Delivered, then sent back by the customer and refunded.
    case returned
}

/// A customer order: one SKU, one or more units, one parcel.
public struct Order: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let customer: Int
    public let country: String
    public let sku: String
    public let quantity: Int
    public let lotID: Int
    public let channel: Channel
    public let customs: CustomsMode
    /// Goods value in the currency the customer paid.
    public let goods: Money
    /// Shipping charged to the customer (0: the shop ships free and pays the carrier).
    public let freight: Money
    /// Tax and duty collected at checkout (CBEC tax, IOSS VAT, destination duty).
    public let tax: Money
    /// Which tax regime applied (`cbec-retail`, `cbec-single-item`, `EU-IOSS`, …).
    public let taxScheme: String
    public let costHome: Money
    public let promisedDays: Int
    public var status: OrderStatus
    public var deliveredDay: Int?
    /// The VAT, consumption-tax and tariff rates the tax was computed at (``CheckoutTerms/rates``).
    public var rates: AppliedRates = .none
    /// China CBEC dutiable value counted toward the customer's annual limit, fen (0 outside cn-import); taken back
    /// when customs seizes the parcel or the goods come back within 30 days of release.
    public var cbecDutiableFen: Int64 = 0

    public var total: Money { goods + freight + tax }
}

public struct Shipment: Sendable, Hashable {
    public let id: Int
    public let orderID: Int
    public let channel: Channel
    public let shipDay: Int
    public let dueDay: Int
    public let chargeableGrams: Int
    public let cost: Money
    public var deliveredDay: Int?
    public var lost: Bool
}

public enum PaymentStatus: String, Sendable {
    case captured, settled
    /// The provider took the payment back after a dispute (see `chargebacks`).
    case chargedBack = "charged_back"
}

public struct Payment: Sendable, Hashable {
    public let id: Int
    public let orderID: Int
    public let provider: String
    public let day: Int
    public let amount: Money
    public let fee: Money
    public let tax: Money
    public let settleDay: Int
    public var status: PaymentStatus
    /// Home-currency amount received at settlement.
    public var settledHome: Money?
    /// The provider's fraud score at checkout, 0–100.
    public var riskScore = 0
    /// True when a fraud bot paid with a stolen card (known to the world, not to the shop, until the chargeback).
    public var fraud = false
    /// True when the payment passed the shop's extra verification.
    public var verified = false
}

public struct Review: Sendable, Hashable {
    public let id: Int
    public let orderID: Int
    public let sku: String
    public let day: Int
    public let stars: Int
    public let onTime: Bool
}

/// Something that happened in the world, for the `events` table and the storyline of a run.
public struct WorldEvent: Sendable, Hashable {
    public let day: Int
    public let kind: String
    public let detail: String
}

/// Per-day counters for KPIs.
public struct DayStats: Sendable, Hashable {
    public let day: Int
    public var visits: Int = 0
    public var orders: Int = 0
    public var units: Int = 0
    public var stockouts: Int = 0
    public var refusedByCustoms: Int = 0
    /// Checkouts that did not complete at the shop's extra verification (fraud stopped and genuine shoppers lost).
    public var declinedAtVerification: Int = 0
}

/// The shoppers, as parallel arrays so the daily loop touches little memory.
public struct Population: Sendable {
    public var country: [UInt8] = []
    public var segment: [UInt8] = []
    public var budget: [Double] = []
    /// CBEC dutiable value bought this calendar year, in fen (China's annual limit).
    public var cbecYearToDate: [Int64] = []
    public var cbecYear: [Int16] = []
    /// Purchase frequency: the day from which customer c buys in category k again, `nextDue[c × 8 + k]`
    /// (formula about monthly, skin care every 1–3 months, durables rarely; see ``World/repurchaseDays(_:)``).
    public var nextDue: [Int16] = []
    /// Spending this month in the shopper's currency (major units) and the month it is for (year × 12 + month):
    /// `budget` is a monthly budget that binds across purchases.
    public var spent: [Double] = []
    public var spentMonth: [Int32] = []
    /// Customer indices by country (index into the scenario's countries), ascending.
    public var members: [[Int32]] = []
    public var count: Int { country.count }
}
