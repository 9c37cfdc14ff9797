/// A company on the B2B platform: a Chinese supplier or an overseas buyer.
public struct PlatformMember: Sendable, Hashable {
    public enum Side: String, Sendable { case supplier, buyer }
    public let id: Int
    public let side: Side
    public let country: String
    public let joinedDay: Int
    public var leftDay: Int?
    /// Registration fees paid so far, home currency.
    public var feesPaid: Money
    public var trades: Int
}

/// One trade between members, shipped 9710 (B2B direct export) or 9810 (to the buyer's overseas warehouse).
public struct PlatformTrade: Sendable, Hashable {
    public let id: Int
    public let day: Int
    public let buyer: Int
    public let supplier: Int
    public let value: Money
    public let commission: Money
    public let customs: CustomsMode
    public let units: Int
}

/// The B2B platform's companies and trades.
public struct PlatformBook: Sendable {
    public internal(set) var members: [PlatformMember] = []
    public internal(set) var trades: [PlatformTrade] = []
    /// Companies that could join, per side: for each candidate the member id while a member, else 0.
    var supplierSeat: [Int] = []
    var buyerSeat: [Int] = []
    public init() {}

    public var activeSuppliers: Int { supplierSeat.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
    public var activeBuyers: Int { buyerSeat.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
}

/// The third-party B2B platform: companies join or leave by fee level, members trade, the platform earns fees.
///
/// The paper contrasts two profit modes: a registration (membership) fee, paid up front each year by suppliers, and a
/// service fee (commission) on each trade. A fee keeps companies away in proportion to its size; the commission also
/// makes trading members leave. All response figures are *assumptions* chosen so that both models can break even.
extension World {
    /// Daily chance that an outside company joins when fees are zero and the other side is large.
    static let platformJoinRate = 0.008
    /// Registration fee (CNY per year) and commission (fraction) at which joining is e^-1 as likely.
    static let registrationScale = 8_000.0
    static let commissionScale = 0.05
    /// Daily chance a member leaves at zero commission.
    static let platformChurnRate = 0.001
    /// Daily chance a buyer member places a trade when the supplier side is large.
    static let tradeRate = 0.012
    /// Median trade value (USD) and its log-spread; average unit value (USD).
    static let medianTradeUSD = 6_000.0
    static let tradeSpread = 0.8
    static let unitValueUSD = 12.0
    /// Share of trades shipped 9710 (the rest 9810 to an overseas warehouse).
    static let directExportShareBP = 6_500
    static let buyerCountries = ["US", "DE", "FR", "JP"]

    mutating func preparePlatform() {
        let suppliers = max(40, population.count / 8)
        let buyers = max(60, population.count / 4)
        modeBook.platform.supplierSeat = [Int](repeating: 0, count: suppliers)
        modeBook.platform.buyerSeat = [Int](repeating: 0, count: buyers)
    }

    mutating func platformDay() {
        let fee = settings.registrationFee
        let feeCNY = fee.map { Double($0.minor) / Double($0.currency.minorPerMajor) } ?? 0
        let commission = Double(settings.commissionBP) / 10_000
        let suppliers = Double(modeBook.platform.activeSuppliers), buyers = Double(modeBook.platform.activeBuyers)
        let supplierJoin = World.platformJoinRate * DeterministicMath.exp(-feeCNY / World.registrationScale - commission / World.commissionScale)
            * (0.3 + 0.7 * buyers / (buyers + 100))
        let buyerJoin = World.platformJoinRate * DeterministicMath.exp(-commission / World.commissionScale) * (0.3 + 0.7 * suppliers / (suppliers + 50))
        let churn = World.platformChurnRate * DeterministicMath.exp(commission / World.commissionScale)
        let renewalLoss = 1 - DeterministicMath.exp(-feeCNY / (2.5 * World.registrationScale))
        // Suppliers: join, renew (paying the fee again each year) or leave.
        for seat in modeBook.platform.supplierSeat.indices {
            let member = modeBook.platform.supplierSeat[seat]
            let u = rng.uniform(.platform, day: day, entity: seat, index: 10)
            if member == 0 {
                if u < supplierJoin { join(.supplier, seat: seat, fee: fee) }
            } else {
                let age = day - modeBook.platform.members[member - 1].joinedDay
                if u < churn || (age > 0 && age % 365 == 0 && rng.uniform(.platform, day: day, entity: seat, index: 11) < renewalLoss) {
                    leave(member: member, seat: seat, side: .supplier)
                } else if age > 0 && age % 365 == 0, let fee {
                    chargeRegistration(member: member, fee: fee)
                }
            }
        }
        for seat in modeBook.platform.buyerSeat.indices {
            let member = modeBook.platform.buyerSeat[seat]
            let u = rng.uniform(.platform, day: day, entity: 1_000_000 + seat, index: 10)
            if member == 0 {
                if u < buyerJoin { join(.buyer, seat: seat, fee: nil) }
            } else if u < churn {
                leave(member: member, seat: seat, side: .buyer)
            }
        }
        trade()
    }

    mutating func join(_ side: PlatformMember.Side, seat: Int, fee: Money?) {
        let id = modeBook.platform.members.count + 1
        let country = side == .supplier ? "CN"
            : World.buyerCountries[rng.integer(in: 0...(World.buyerCountries.count - 1), .platform, day: day, entity: 1_000_000 + seat, index: 12)]
        modeBook.platform.members.append(PlatformMember(id: id, side: side, country: country, joinedDay: day, leftDay: nil,
                                                        feesPaid: .zero(scenario.homeCurrency), trades: 0))
        if side == .supplier { modeBook.platform.supplierSeat[seat] = id } else { modeBook.platform.buyerSeat[seat] = id }
        if let fee { chargeRegistration(member: id, fee: fee) }
    }

    mutating func leave(member: Int, seat: Int, side: PlatformMember.Side) {
        modeBook.platform.members[member - 1].leftDay = day
        if side == .supplier { modeBook.platform.supplierSeat[seat] = 0 } else { modeBook.platform.buyerSeat[seat] = 0 }
    }

    mutating func chargeRegistration(member: Int, fee: Money) {
        modeBook.platform.members[member - 1].feesPaid += fee
        ledger.post(day: day, kind: .registrationFee, reference: member, (.cash, fee), (.feeRevenue, -fee))
    }

    /// Buyer members trade with supplier members; the platform's commission is paid in USD.
    mutating func trade() {
        let sellers = modeBook.platform.supplierSeat.filter { $0 > 0 }
        guard !sellers.isEmpty else { return }
        let rate = World.tradeRate * Double(sellers.count) / Double(sellers.count + 20)
        let home = scenario.homeCurrency
        for seat in modeBook.platform.buyerSeat.indices {
            let buyer = modeBook.platform.buyerSeat[seat]
            guard buyer > 0, rng.uniform(.platform, day: day, entity: 2_000_000 + seat, index: 0) < rate else { continue }
            let seller = sellers[rng.integer(in: 0...(sellers.count - 1), .platform, day: day, entity: 2_000_000 + seat, index: 1)]
            let z = rng.normal(.platform, day: day, entity: 2_000_000 + seat, index: 2)
            let usd = min(500_000, World.medianTradeUSD * DeterministicMath.exp(World.tradeSpread * z))
            let value = Money(minor: Int64(usd.rounded()) * 100, .USD)
            let fee = value.basisPoints(settings.commissionBP)
            let customs: CustomsMode = rng.integer(in: 0...9_999, .platform, day: day, entity: 2_000_000 + seat, index: 3)
                < World.directExportShareBP ? .b2bDirect : .overseasWarehouse
            let id = modeBook.platform.trades.count + 1
            modeBook.platform.trades.append(PlatformTrade(id: id, day: day, buyer: buyer, supplier: seller, value: value,
                                                          commission: fee, customs: customs,
                                                          units: max(1, Int(usd / World.unitValueUSD))))
            modeBook.platform.members[buyer - 1].trades += 1
            modeBook.platform.members[seller - 1].trades += 1
            guard fee.minor > 0 else { continue }
            if settings.autoConvert {
                let received = rates.convert(fee, to: home, spreadBP: FXMarket.spreadBP)
                ledger.open()
                ledger.line(.feeRevenue, -fee, day: day, kind: .commission, reference: id)
                ledger.line(.fxClearing, fee, day: day, kind: .commission, reference: id)
                ledger.line(.fxClearing, -received, day: day, kind: .commission, reference: id)
                ledger.line(.cash, received, day: day, kind: .commission, reference: id)
                ledger.close()
            } else {
                ledger.post(day: day, kind: .commission, reference: id, (.cash, fee), (.feeRevenue, -fee))
            }
        }
    }
}
