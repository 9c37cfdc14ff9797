import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab.Market {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "inspect", 
            abstract: "Sampling inspection of a purchase order's batch by ISO 2859-1 (single sampling, normal, level II).",
            discussion: """
            The sample size and the accept/reject numbers come from the lot size and the AQL. Sampled units are used \
            up and the inspection costs \(World.inspectionFee) (converted to the home currency). A rejected batch goes \
            back to the supplier, who refunds its goods value. A batch still on its way is inspected on arrival.
            Opened goods (cosmetics, supplements, infant formula) lose every sample; other goods lose only the \
            defective ones. --preview states the fee and the samples without inspecting.
            Examples:
              borderlab market inspect PO-3 --aql 2.5 --preview
              borderlab market inspect PO-3 --aql 2.5
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The purchase order: its id or PO-id (see `borderlab sql \"SELECT * FROM purchase_orders\"`).")
        var purchaseOrder: String
        @Option(help: "Acceptance quality limit, % nonconforming: \(SamplingPlan.aqls.joined(separator: ", ")).")
        var aql: String
        @Flag(help: "Say what the inspection would cost and use up, without running it.")
        var preview = false

        func run() throws {
            let text = purchaseOrder.uppercased().hasPrefix("PO-") ? String(purchaseOrder.dropFirst(3)) : purchaseOrder
            guard let id = Int(text) else {
                throw CLIError("'\(purchaseOrder)' is not a purchase order id. Give its number, e.g. 3 or PO-3.")
            }
            let aql = SamplingPlan.canonicalAQL(aql) ?? aql
            if preview {
                let (_, world) = try options.open()
                let p = try world.inspectionPreview(purchaseOrder: id, aql: aql)
                print(Self.previewText(p, world: world))
                print("Run it with: borderlab market inspect PO-\(id) --aql \(aql)")
                return
            }
            let (world, outcome) = try options.locate().performWithOutcome(.inspect(purchaseOrder: id, aql: aql))
            guard case .inspection(let inspectionID) = outcome else { return }
            let i = world.serviceBook.inspections[inspectionID - 1]
            let fee = Terminal.money(Money(minor: i.feeHome, world.scenario.homeCurrency))
            guard let plan = i.plan else {
                print("PO-\(id) is on its way: it will be inspected at AQL \(aql) when it arrives (day \(world.purchaseOrders[id - 1].arrivalDay)).")
                if let p = world.pendingInspectionPreview(inspectionID) { print(Self.previewText(p, world: world)) }
                return
            }
            print("PO-\(id): lot of \(i.lotSize), code letter \(plan.codeLetter)"
                  + (plan.planLetter != plan.codeLetter ? " (arrow to \(plan.planLetter))" : "")
                  + ", n = \(plan.sampleSize), Ac \(plan.accept) Re \(plan.reject) at AQL \(aql)"
                  + (i.sampled < plan.sampleSize ? "; 100% inspection of \(i.sampled) units" : ""))
            print("Found \(i.defects) defective in \(i.sampled): \(i.outcome.uppercased()).")
            let category = world.product(world.purchaseOrders[id - 1].sku)!.category
            let usedUp = World.inspectionDestroysSamples(category) ? i.sampled : i.defects
            print("Fee paid: \(fee). Samples used up: \(Terminal.count(usedUp, "unit")) "
                  + "(\(Terminal.money(Money(minor: i.writtenOffHome, world.scenario.homeCurrency))) written off"
                  + (i.outcome == "rejected" ? " with the rest of the batch" : "") + ").")
            if i.outcome == "rejected" {
                print("The batch goes back to the supplier; refund \(Terminal.money(Money(minor: i.refundHome, world.scenario.homeCurrency))).")
            }
        }

        /// The fee and the samples an inspection will use up, in the words `--preview` prints.
        static func previewText(_ p: InspectionPreview, world: World) -> String {
            let when = p.arrived ? "now" : "on arrival (day \(p.arrivalDay))"
            let samples = p.opened
                ? "all \(p.sampled) samples are opened and used up (\(Terminal.money(p.samplesCost)) landed cost written off)"
                : "sound samples go back on the shelf, only defective ones are used up (\(Terminal.money(p.unitLanded)) landed cost each)"
            return "Inspecting PO-\(p.purchaseOrder) (\(p.sku)) at AQL \(p.aql) \(when): fee \(Terminal.money(p.fee)); "
                + "lot of \(p.lotSize), sample n = \(p.sampled) (Ac \(p.plan.accept) Re \(p.plan.reject)); \(samples)."
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", 
            abstract: "Check a supplier's qualification documents (a fee); genuine suppliers' listings get a verified badge.",
            discussion: """
            Some suppliers' documents are fake, and their batches may be counterfeit. A check costs \
            \(World.verificationFee) (converted to the home currency).
            Example: borderlab market verify jp-kyoto-beauty
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The supplier id (see `borderlab market suppliers`).")
        var supplier: String

        func run() throws {
            let (world, outcome) = try options.locate().performWithOutcome(.verifySupplier(id: supplier.lowercased()))
            guard case .supplierCheck(let checkID) = outcome else { return }
            let check = world.serviceBook.supplierChecks[checkID - 1]
            if check.genuine {
                print("\(check.supplierID): documents genuine. Its listings now show a verified badge.")
            } else {
                let advice = world.mode.holdsStock
                    ? "inspect them (`borderlab market inspect PO --aql 2.5` right after `market buy`) or buy elsewhere"
                    : "delist its products (`borderlab shop delist SKU`) and sell another supplier's instead"
                print("\(check.supplierID): documents FAKE. Its batches may be counterfeit: \(advice).")
            }
            print("Fee paid: \(Terminal.money(Money(minor: check.feeHome, world.scenario.homeCurrency))).")
        }
    }
}
