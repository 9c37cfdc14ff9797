/// The odds and charges of customs for customer parcels, by customs mode, channel and shop mode.
///
/// DOMAIN.md gives the inspection range (1–5%, higher for categories with a history of counterfeits); the rest is
/// *assumption*, marked on each constant.
public enum CustomsPolicy {
    /// Three-document mismatch odds for 1210 bonded parcels, basis points (*assumption*: 0.2%, the bonded zone's
    /// order, payment and logistics data flow through one integrated platform).
    public static let bondedMismatchBP = 20
    /// 9610 parcels by express or dedicated line (*assumption*: 1.0%, the forwarder pushes the logistics record).
    public static let expressMismatchBP = 100
    /// 9610 parcels by postal or ePacket (*assumption*: 2.0%, postal data reaches customs later and less complete).
    public static let postalMismatchBP = 200
    /// Daigou selling to a circle of friends, parcels declared as personal gifts (*assumption*: 6%).
    public static let circleOfFriendsMismatchBP = 600

    /// Inspection odds for categories with a history of counterfeits: cosmetics, watches, jewellery, apparel
    /// (*assumption* inside DOMAIN.md's 1–5%: 4%).
    public static let riskyInspectionBP = 400
    /// Inspection odds for other categories (*assumption* inside DOMAIN.md's 1–5%: 1.5%).
    public static let otherInspectionBP = 150
    /// Daigou circle-of-friends parcels are inspected twice as often (*assumption*), up to the top of the range.
    public static let circleOfFriendsInspectionFactor = 2
    /// The top of DOMAIN's 1–5% inspection range: no parcel's odds go above it.
    public static let maxInspectionBP = 500
    /// Extra days an inspected parcel waits (*assumption*).
    public static let inspectionDays = 1...3

    /// Handling charge per inspected parcel (*assumption*: 15 CNY, what forwarders pass on for opening and re-sealing).
    public static let inspectionCharge = Money(minor: 1_500, .CNY)
    /// Charge for correcting a declaration so the three documents match (*assumption*: 30 CNY, a broker's re-declaration).
    public static let correctionCharge = Money(minor: 3_000, .CNY)
    /// A mismatch hold not released within this many days is seized and returned to sender (*assumption*: 14).
    public static let seizeAfterDays = 14

    /// True when a parcel of this customs mode passes customs on its way: 9610 direct mail and 1210 bonded. 9810
    /// overseas-warehouse deliveries are local and see no customs, nor do a rebate site's merchants' sales inside China
    /// (see ``World/dispatchParcel(order:arrivalDay:)``).
    public static func checked(_ customs: CustomsMode) -> Bool { customs == .directMail || customs == .bonded }

    /// The mismatch odds of a parcel, basis points.
    public static func mismatchBP(customs: CustomsMode, channel: Channel, circleOfFriends: Bool) -> Int {
        guard checked(customs) else { return 0 }
        if circleOfFriends { return circleOfFriendsMismatchBP }
        if customs == .bonded { return bondedMismatchBP }
        switch channel {
        case .postal, .epacket: return postalMismatchBP
        default: return expressMismatchBP
        }
    }

    /// The inspection odds of a parcel, basis points.
    public static func inspectionBP(customs: CustomsMode, category: Category, circleOfFriends: Bool) -> Int {
        guard checked(customs) else { return 0 }
        let base: Int
        switch category {
        case .cosmetics, .watches, .jewellery, .apparel: base = riskyInspectionBP
        default: base = otherInspectionBP
        }
        return circleOfFriends ? min(maxInspectionBP, base * circleOfFriendsInspectionFactor) : base
    }
}
