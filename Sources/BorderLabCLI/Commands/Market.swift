import ArgumentParser
import BorderLabCore
import BorderLabStore
import Foundation

extension BorderLab {
    struct Market: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "market", 
            abstract: "The supplier market: suppliers, their offers, landed-cost quotes and purchases.",
            subcommands: [Suppliers.self, Offers.self, Prices.self, Quote.self, Buy.self, Inspect.self, Verify.self])
    }
}

extension World {
    /// The suppliers the shop can buy from in its scenario: overseas ones for cn-import, Chinese ones for global-export.
    var marketSuppliers: [Supplier] {
        catalogue.suppliers.filter { ($0.country.code == "CN") != scenario.isImport }
    }
}

/// The options that describe a purchase, shared by `quote` and `buy`.
struct PurchaseOptions: ParsableArguments {
    @Argument(help: "The SKU to buy (see `borderlab market offers`).")
    var sku: String

    @Option(name: .customLong("qty"), help: "How many units.")
    var quantity: Int

    @Option(help: "The logistics channel: \(Channel.spellings). 9610 takes a parcel channel (postal, epacket, dedicated-line, express) for each customer order; 1210 and 9810 take a bulk channel (sea-freight, air-freight) into the warehouse. A daigou quote needs none.")
    var channel: Channel?

    @Option(help: "The customs mode: 9610 direct mail or 1210 bonded (cn-import); 9610 or 9810 overseas warehouse (global-export). A daigou quote needs none.")
    var customs: CustomsMode?

    @Option(help: "For 9810: the overseas warehouse country (US, DE or JP).")
    var warehouse: String?

    /// The purchase as an action; refuses a missing channel or customs mode (only a daigou quote goes without).
    func action() throws -> Action {
        guard let channel, let customs else {
            throw CLIError("Give the route with --channel and --customs, e.g. --channel sea-freight --customs 1210.")
        }
        return .buy(sku: sku.uppercased(), quantity: quantity, channel: channel, customs: customs, warehouse: warehouse?.uppercased())
    }
}

extension BorderLab.Market {
    struct Suppliers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "suppliers", abstract: "List the suppliers the shop can buy from.")

        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only suppliers in this country (ISO code, e.g. JP).")
        var country: String?
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let suppliers = world.marketSuppliers.filter { country == nil || $0.country.code == country!.uppercased() }
            if json {
                struct Row: Encodable { let id, name, country, city, currency: String; let daily_capacity: Int; let rating: Double; let skus: Int }
                print(Terminal.json(suppliers.map {
                    Row(id: $0.id, name: $0.name, country: $0.country.code, city: $0.city, currency: $0.currency.rawValue,
                        daily_capacity: $0.dailyCapacity, rating: $0.rating, skus: world.catalogue.products(ofSupplier: $0.id).count)
                }))
                return
            }
            print(Terminal.table(["ID", "NAME", "COUNTRY", "CITY", "CURRENCY", "RATING", "SKUS"], suppliers.map {
                [$0.id, $0.name, $0.country.code, $0.city, $0.currency.rawValue, Terminal.decimal($0.rating),
                 String(world.catalogue.products(ofSupplier: $0.id).count)]
            }), terminator: "")
        }
    }

    struct Offers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "offers", abstract: "List the products on offer, with MOQ, price tiers and lead time.")

        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only this supplier's offers (a supplier id).")
        var supplier: String?
        @Option(help: "Only this category: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).")
        var category: String?
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let ids = Set(world.marketSuppliers.map(\.id))
            if let supplier, !ids.contains(supplier) {
                throw CLIError("Unknown supplier '\(supplier)' in this market. List them with `borderlab market suppliers`.")
            }
            if let category, Category(rawValue: category) == nil {
                throw CLIError("Unknown category '\(category)'. Use one of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let products = world.catalogue.products.filter {
                ids.contains($0.supplierID) && (supplier == nil || $0.supplierID == supplier)
                    && (category == nil || $0.category.rawValue == category)
            }
            let rebate = world.mode == .rebate
            if json {
                struct Tier: Encodable { let min_quantity: Int; let unit_price: MoneyJSON }
                struct Row: Encodable {
                    let sku, name, category, supplier_id, tax_class: String; let moq, lead_time_days, chargeable_g: Int
                    let positive_list: Bool; let tiers: [Tier]; let typical_retail: MoneyJSON
                    /// Rebate: the merchant's commission on each attributed sale, percent of the goods.
                    let commission_percent: Double?
                }
                print(Terminal.json(products.map {
                    Row(sku: $0.id, name: $0.name, category: $0.category.rawValue, supplier_id: $0.supplierID, tax_class: $0.taxClass.code,
                        moq: $0.moq, lead_time_days: $0.leadTimeDays, chargeable_g: $0.chargeableGrams, positive_list: $0.positiveList,
                        tiers: $0.tiers.map { Tier(min_quantity: $0.minQuantity, unit_price: MoneyJSON($0.unitPrice)) },
                        typical_retail: MoneyJSON($0.typicalRetail),
                        commission_percent: rebate ? Double(World.commissionBP($0.category)) / 100 : nil)
                }))
                return
            }
            // The positive list is China's import list: only cn-import offers show that column.
            let positiveList = world.scenario.isImport
            print(Terminal.table(["SKU", "NAME", "CATEGORY", "MOQ", "UNIT PRICE", "LEAD", "KG", "RETAIL"] + (positiveList ? ["POSITIVE LIST"] : [])
                                    + (rebate ? ["COMMISSION"] : []),
                                 products.map {
                [$0.id, $0.name, $0.category.rawValue, String($0.moq),
                 $0.tiers.map { "\($0.minQuantity)+: \(Terminal.money($0.unitPrice))" }.joined(separator: " | "),
                 "\($0.leadTimeDays)d", Terminal.decimal(Double($0.chargeableGrams) / 1000, places: 2),
                 Terminal.money($0.typicalRetail)] + (positiveList ? [$0.positiveList ? "yes" : "NO"] : [])
                    + (rebate ? [Terminal.decimal(Double(World.commissionBP($0.category)) / 100, places: 0) + "%"] : [])
            }), terminator: "")
            print("")
            print(Self.legend(positiveList: positiveList, rebate: rebate, mode: world.mode))
        }

        /// What each column means, printed under the table so no figure is a guess.
        static func legend(positiveList: Bool, rebate: Bool, mode: ShopMode) -> String {
            var entries = [
                ("MOQ", "minimum order quantity: the fewest units one purchase may buy"),
                ("UNIT PRICE", "the supplier's price per unit in its currency, by tier: \"100+: 9.00 USD\" from 100 units up"),
                ("LEAD", "days the supplier needs before the goods leave (then the channel's transit)"),
                ("KG", "chargeable weight of one unit: the greater of actual and volumetric (L×W×H/6000)"),
                ("RETAIL", "the typical retail price in the destination markets: the price shoppers expect at first (their "
                    + "reference price then moves with what they see); priced far above it, a listing sells little"
                    + (mode == .daigou ? "; a daigou quote uses it until you list the SKU" : "")),
            ]
            if positiveList { entries.append(("POSITIVE LIST", "yes: on China's CBEC positive list, so it may be sold as cross-border retail")) }
            if rebate {
                entries.append(("COMMISSION", "what the merchant pays you on each attributed sale, percent of the goods; you pay "
                    + "back rebate.share of it to the shopper"))
            }
            let indent = String(repeating: " ", count: 15)
            return entries.map { label, text in
                label.padding(toLength: 15, withPad: " ", startingAt: 0) + Terminal.wrap(text, indent: indent).dropFirst(15)
            }.joined(separator: "\n")
        }
    }

    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "quote", 
            abstract: "Price a purchase without making it: goods, freight, insurance, tax and duty, FX.",
            discussion: """
            A daigou shop quotes one customer order instead (no --channel or --customs: it goes 9610 by the dedicated \
            line): shelf price abroad, service fee, parcel, the customer's tax and the margin at the listed price.
            Examples:
              borderlab market quote JP-COS-01 --qty 100 --channel air-freight --customs 1210
              borderlab market quote JP-COS-01 --qty 1      (a daigou order)
            """)

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var purchase: PurchaseOptions
        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            if world.mode == .daigou {
                guard purchase.channel == nil && purchase.customs == nil && purchase.warehouse == nil else {
                    throw CLIError("A daigou order always goes 9610 by the dedicated line: leave out --channel, --customs and --warehouse.")
                }
                let quote = try world.daigouQuote(sku: purchase.sku.uppercased(), quantity: purchase.quantity)
                if json { print(Terminal.json(DaigouQuoteJSON(quote, world: world))); return }
                print(DaigouQuoteText.render(quote, world: world))
                return
            }
            guard case .buy(let sku, let quantity, let channel, let customs, let warehouse) = try purchase.action() else { return }
            let quote = try world.quote(sku: sku, quantity: quantity, channel: channel, customs: customs, warehouse: warehouse)
            if json { print(Terminal.json(QuoteJSON(quote, world: world))); return }
            print(QuoteText.render(quote, world: world))
        }
    }

    struct Buy: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "buy", 
            abstract: "Buy from a supplier: pay the landed cost now; the goods arrive after lead time and transit.")

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var purchase: PurchaseOptions

        func run() throws {
            let (world, outcome) = try options.locate().performWithOutcome(try purchase.action())
            guard case .purchaseOrder(let id) = outcome else { return }
            let po = world.purchaseOrders[id - 1]
            print("Purchase order PO-\(po.id): \(po.quantity) × \(po.sku) for \(Terminal.money(po.landedHome)) landed "
                  + "(goods \(Terminal.money(po.goodsHome)), freight \(Terminal.money(po.freightHome)), insurance \(Terminal.money(po.insuranceHome))"
                  + (po.dutyHome.minor > 0 ? ", duty \(Terminal.money(po.dutyHome))" : "") + ")")
            print("Dispatched on day \(po.dispatchDay), arrives on day \(po.arrivalDay) (\(world.date(po.arrivalDay).iso)) at \(world.lots[po.lotID - 1].location).")
            print("Cash left: \(Terminal.money(world.cash(world.scenario.homeCurrency))).")
            if world.listing(po.sku)?.active != true {
                // Suggest what competitors charge today: above it a listing is shown to fewer shoppers and converts fewer.
                let typical = world.goingPrice(world.product(po.sku)!)
                var line = "List it so customers can buy it: borderlab shop add \(po.sku) --price \"\(typical)\"   (competitors' going price today, `borderlab market prices`)"
                if let cost = world.unitCostToServe(sku: po.sku) {
                    line += "\nA one-unit order costs you \(Terminal.money(cost.landed)) landed + \(Terminal.money(cost.parcel)) parcel = \(Terminal.money(cost.total)) before payment fees"
                    if world.losingPrice(sku: po.sku, price: typical) != nil { line += ": at the going price each order loses money" }
                    line += "."
                }
                print(line)
            }
        }
    }
}
