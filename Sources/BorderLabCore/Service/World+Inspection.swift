/// Sampling inspection of incoming batches by ISO 2859-1 (see ``SamplingPlan``).
///
/// The lot is the purchase order's units still on hand (all of them when it has just arrived). The sampled units are
/// used up (`onHand −= n`, `usedInInspection += n`, their landed cost to write_offs) and the inspection fee goes to
/// service_costs. Accept: the rest stays on the shelf. Reject: the rest of the batch goes back to the supplier, its units
/// written off, and the supplier refunds the goods value of the lot (samples included) in home currency, credited to
/// write_offs — so write_offs less that refund is the loss.
extension World {
    /// Fee of one inspection, CNY (*assumption*: a third-party inspector's man-day in China, about 280–300 USD).
    public static let inspectionFee = Money(major: 2_000, .CNY)
    /// Nonconforming share an inspector finds among counterfeit units, basis points (*assumption*: fakes are close copies,
    /// yet labels, packaging and finish give about one in four away).
    static let counterfeitDefectBP = 2_500

    /// `inspect`: books or runs the ISO 2859-1 sampling inspection of a purchase order's batch.
    mutating func inspect(purchaseOrder id: Int, aql: String) throws(EngineError) {
        let preview = try inspectionPreview(purchaseOrder: id, aql: aql)
        growServiceArrays()
        let index = serviceBook.inspections.count
        serviceBook.inspections.append(Inspection(id: index + 1, purchaseOrderID: id, aql: aql, bookedDay: day))
        if preview.arrived { performInspection(index) }
    }

    /// What an inspection will cost and use up, stated before it runs (`market inspect --preview`), so a student weighs
    /// the fee and the samples against the risk. Checks everything `inspect` checks.
    public func inspectionPreview(purchaseOrder id: Int, aql: String) throws(EngineError) -> InspectionPreview {
        guard SamplingPlan.aqls.contains(aql) else { throw .badAQL(aql) }
        guard id >= 1, id <= purchaseOrders.count else { throw .unknownPurchaseOrder(id) }
        if let done = serviceBook.inspections.first(where: { $0.purchaseOrderID == id }) {
            throw .alreadyInspected(purchaseOrder: id, outcome: done.outcome)
        }
        let po = purchaseOrders[id - 1]
        guard po.status != .cancelled else { throw .purchaseOrderCancelled(id) }
        let arrived = po.status == .received
        let lot = lots[po.lotID - 1]
        if arrived, lot.onHand == 0 { throw .nothingToInspect(purchaseOrder: id, sku: po.sku) }
        let fee = inspectionFeeToday
        let cash = cash(scenario.homeCurrency)
        guard fee <= cash else { throw .cannotAfford(needed: fee, available: cash) }
        return makePreview(purchaseOrder: id, aql: aql, fee: fee)
    }

    /// What a booked inspection of a batch still on its way will cost and use up when the batch arrives.
    public func pendingInspectionPreview(_ inspectionID: Int) -> InspectionPreview? {
        guard inspectionID >= 1, inspectionID <= serviceBook.inspections.count else { return nil }
        let inspection = serviceBook.inspections[inspectionID - 1]
        guard inspection.plan == nil, inspection.outcome == "pending" else { return nil }
        return makePreview(purchaseOrder: inspection.purchaseOrderID, aql: inspection.aql, fee: inspectionFeeToday)
    }

    /// The inspection fee in the home currency at today's rate.
    var inspectionFeeToday: Money {
        World.inspectionFee.currency == scenario.homeCurrency
            ? World.inspectionFee : rates.cost(of: World.inspectionFee, in: scenario.homeCurrency, spreadBP: FXMarket.spreadBP)
    }

    func makePreview(purchaseOrder id: Int, aql: String, fee: Money) -> InspectionPreview {
        let po = purchaseOrders[id - 1]
        let arrived = po.status == .received
        let lot = lots[po.lotID - 1]
        // On arrival the lot is the whole batch; on the shelf, what is left of it.
        let lotSize = arrived ? min(po.quantity, lot.onHand) : po.quantity
        let plan = SamplingPlan.plan(lotSize: lotSize, aql: aql)!
        let sampled = plan.unitsInspected(lotSize: lotSize)
        let unitCost = Money(minor: divideHalfUp(Int128(po.landedHome.minor), Int128(po.quantity)), scenario.homeCurrency)
        return InspectionPreview(purchaseOrder: id, sku: po.sku, aql: aql, arrived: arrived, arrivalDay: po.arrivalDay, fee: fee,
                                 lotSize: lotSize, plan: plan, sampled: sampled,
                                 opened: World.inspectionDestroysSamples(catalogue.products[lot.product].category),
                                 unitLanded: unitCost)
    }

    /// True when inspecting a unit opens it for good (cosmetics, supplements, infant formula): it cannot be sold.
    public static func inspectionDestroysSamples(_ category: Category) -> Bool {
        category == .cosmetics || category == .supplements || category == .infantFormula
    }

    /// Runs a booked inspection now (the batch is on hand).
    mutating func performInspection(_ index: Int) {
        let inspection = serviceBook.inspections[index]
        let po = purchaseOrders[inspection.purchaseOrderID - 1]
        let lot = po.lotID - 1
        let lotSize = min(po.quantity, lots[lot].onHand)
        let plan = SamplingPlan.plan(lotSize: lotSize, aql: inspection.aql)!
        let n = plan.unitsInspected(lotSize: lotSize)
        // The batch's counterfeit units still on the shelf (the lot's counter may also hold other batches' fakes).
        var batchFakes = min(serviceBook.batchCounterfeit[po.id - 1], serviceBook.counterfeitUnits[lot], lotSize)
        let product = catalogue.products[lots[lot].product]
        // Opened food and cosmetics cannot be sold again, so every sample is used up; other goods are checked and the
        // sound ones go back on the shelf, only the defective ones are used up.
        let destructive = World.inspectionDestroysSamples(product.category)
        var defects = 0
        var fakesUsedUp = 0, fakesBack = 0
        for i in 0..<n {
            let fake = rng.uniform(.inspection, day: day, entity: po.id, index: 2 * i) * Double(lotSize - i) < Double(batchFakes)
            if fake { batchFakes -= 1 }
            let bp = fake ? World.counterfeitDefectBP : product.defectBP
            let defective = rng.uniform(.inspection, day: day, entity: po.id, index: 2 * i + 1) * 10_000 < Double(bp)
            if defective { defects += 1 }
            if fake { if destructive || defective { fakesUsedUp += 1 } else { fakesBack += 1 } }
        }
        let fee = payCharge(World.inspectionFee, to: .serviceCosts, kind: .batchInspection, reference: po.id)
        let usedUp = destructive ? n : defects
        var written = useSamples(lot: lot, units: usedUp)
        serviceBook.counterfeitUnits[lot] -= fakesUsedUp
        let accepted = plan.accepts(defects: defects)
        var refund = Money.zero(scenario.homeCurrency)
        if !accepted {
            // The whole batch goes back, the sound samples with it.
            let rest = lotSize - usedUp
            written = written + writeOffOnHand(lot: lot, units: rest)
            serviceBook.counterfeitUnits[lot] = max(0, serviceBook.counterfeitUnits[lot] - batchFakes - fakesBack)
            refund = Money(minor: divideHalfUp(Int128(po.goodsHome.minor) * Int128(lotSize), Int128(po.quantity)), scenario.homeCurrency)
            ledger.post(day: day, kind: .refund, reference: po.id, (.cash, refund), (.writeOffs, -refund))
        }
        serviceBook.inspections[index].day = day
        serviceBook.inspections[index].lotSize = lotSize
        serviceBook.inspections[index].plan = plan
        serviceBook.inspections[index].sampled = n
        serviceBook.inspections[index].defects = defects
        serviceBook.inspections[index].outcome = accepted ? "accepted" : "rejected"
        serviceBook.inspections[index].feeHome = fee.minor
        serviceBook.inspections[index].writtenOffHome = written.minor
        serviceBook.inspections[index].refundHome = refund.minor
        events.append(WorldEvent(day: day, kind: accepted ? "inspection-accepted" : "inspection-rejected",
                                 detail: "PO-\(po.id) \(po.sku): \(defects) defects in \(n) sampled (AQL \(inspection.aql), Ac \(plan.accept) Re \(plan.reject))"
                                     + (accepted ? "" : "; \(lotSize - usedUp) units sent back, supplier refunds \(refund)")
                                     + (destructive ? "; samples used up (opened goods)" : "; \(usedUp) defective samples used up, the rest back on the shelf")))
    }

    /// Takes inspection samples off the shelf: `onHand −= n`, `usedInInspection += n`, their cost to write_offs.
    mutating func useSamples(lot: Int, units: Int) -> Money {
        let n = min(units, lots[lot].onHand)
        guard n > 0 else { return .zero(scenario.homeCurrency) }
        let cost = Money(minor: divideHalfUp(Int128(lots[lot].costOnHand) * Int128(n), Int128(lots[lot].onHand)), scenario.homeCurrency)
        lots[lot].onHand -= n
        lots[lot].usedInInspection += n
        lots[lot].costOnHand -= cost.minor
        ledger.post(day: day, kind: .inspectionSamples, reference: lot + 1, (.writeOffs, cost), (.inventory, -cost))
        return cost
    }
}

/// What `market inspect` will do, before it runs.
public struct InspectionPreview: Sendable, Equatable {
    public let purchaseOrder: Int
    public let sku: String
    public let aql: String
    /// False while the batch is on its way: it is inspected on `arrivalDay`.
    public let arrived: Bool
    public let arrivalDay: Int
    public let fee: Money
    public let lotSize: Int
    public let plan: SamplingPlan
    /// Units the inspector takes from the lot.
    public let sampled: Int
    /// Opened goods (cosmetics, supplements, formula): every sample is used up; otherwise only defective ones are.
    public let opened: Bool
    /// Landed cost per unit of the batch, to value the samples.
    public let unitLanded: Money

    /// Samples sure to be used up (all when opened, else none but the defective ones found).
    public var samplesUsedUp: Int { opened ? sampled : 0 }
    /// Their landed cost, written off.
    public var samplesCost: Money { unitLanded * samplesUsedUp }
}
