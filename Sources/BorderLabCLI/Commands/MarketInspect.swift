import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab.Market {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sampling inspection of a purchase order's batch by ISO 2859-1 (single sampling, normal, level II).",
            discussion: """
            The sample size and the accept/reject numbers come from the lot size and the AQL. Sampled units are used \
            up and the inspection costs \(World.inspectionFee) (converted to the home currency). A rejected batch goes \
            back to the supplier, who refunds its goods value. A batch still on its way is inspected on arrival.
            Example: borderlab market inspect PO-3 --aql 2.5
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The purchase order: its id or PO-id (see `borderlab sql \"SELECT * FROM purchase_orders\"`).")
        var purchaseOrder: String
        @Option(help: "Acceptance quality limit, % nonconforming: \(SamplingPlan.aqls.joined(separator: ", ")).")
        var aql: String

        func run() throws {
            let text = purchaseOrder.uppercased().hasPrefix("PO-") ? String(purchaseOrder.dropFirst(3)) : purchaseOrder
            guard let id = Int(text) else {
                throw CLIError("'\(purchaseOrder)' is not a purchase order id. Give its number, e.g. 3 or PO-3.")
            }
            let aql = SamplingPlan.canonicalAQL(aql) ?? aql
            let world = try options.locate().perform(.inspect(purchaseOrder: id, aql: aql))
            let i = world.serviceBook.inspections.last!
            guard let plan = i.plan else {
                print("PO-\(id) is on its way: it will be inspected at AQL \(aql) when it arrives (day \(world.purchaseOrders[id - 1].arrivalDay)).")
                return
            }
            print("PO-\(id): lot of \(i.lotSize), code letter \(plan.codeLetter)"
                  + (plan.planLetter != plan.codeLetter ? " (arrow to \(plan.planLetter))" : "")
                  + ", n = \(plan.sampleSize), Ac \(plan.accept) Re \(plan.reject) at AQL \(aql)"
                  + (i.sampled < plan.sampleSize ? "; 100% inspection of \(i.sampled) units" : ""))
            print("Found \(i.defects) defective in \(i.sampled): \(i.outcome.uppercased()).")
            if i.outcome == "rejected" {
                print("The batch goes back to the supplier; refund \(Terminal.money(Money(minor: i.refundHome, world.scenario.homeCurrency))).")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let world = try options.locate().perform(.verifySupplier(id: supplier.lowercased()))
            let check = world.serviceBook.supplierChecks.last!
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
