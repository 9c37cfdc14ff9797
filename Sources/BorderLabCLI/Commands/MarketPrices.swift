import ArgumentParser
import BorderLabCore

extension BorderLab.Market {
    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "prices", 
            abstract: "Show the going price: what competing sellers charge for each product today.",
            discussion: """
            Shoppers compare your landed price with the competitors' for the same goods. The level is a share of the
            catalogue's typical retail (RETAIL in `market offers`): it falls as competitors enter a category, dips on
            season peaks and follows the supplier's currency. History: the `competitor_prices` table (`borderlab sql`).
            """)

        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only this category: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).")
        var category: String?
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            if let category, Category(rawValue: category) == nil {
                throw CLIError("Unknown category '\(category)'. Use one of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let ids = Set(world.marketSuppliers.map(\.id))
            let products = world.catalogue.products.filter { ids.contains($0.supplierID) && (category == nil || $0.category.rawValue == category) }
            let country = world.scenario.customerCountries[0]
            if json {
                struct Row: Encodable {
                    let sku, category: String; let competitors: Int; let level_bp: Int
                    let going_price: MoneyJSON; let typical_retail: MoneyJSON; let your_price: MoneyJSON?
                }
                print(Terminal.json(products.map {
                    Row(sku: $0.id, category: $0.category.rawValue, competitors: world.competitors(in: $0.category),
                        level_bp: world.goingLevelBP(product: $0, country: country), going_price: MoneyJSON(world.goingPrice($0, country: country)),
                        typical_retail: MoneyJSON($0.typicalRetail), your_price: world.listing($0.id).flatMap { $0.active ? MoneyJSON($0.price) : nil })
                }))
                return
            }
            print("Going prices on day \(world.day) (\(world.date().iso)) for shoppers in \(country); taxes come on top alike for every seller.")
            print(Terminal.table(["SKU", "CATEGORY", "SELLERS", "LEVEL", "GOING PRICE", "RETAIL", "YOUR PRICE"], products.map {
                let listing = world.listing($0.id)
                return [$0.id, $0.category.rawValue, String(world.competitors(in: $0.category)),
                        Terminal.percent(Double(world.goingLevelBP(product: $0, country: country)) / 10_000),
                        Terminal.money(world.goingPrice($0, country: country)), Terminal.money($0.typicalRetail),
                        listing.flatMap { $0.active ? Terminal.money($0.price) : nil } ?? "-"]
            }), terminator: "")
        }
    }
}
