import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Shop: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The storefront: what the shop lists and at what price.",
            subcommands: [Listings.self, Add.self, Price.self, Delist.self])
    }
}

extension BorderLab.Shop {
    struct Listings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the storefront's products with price, stock and rating.")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let stock = { (sku: String) in world.lots.filter { $0.sku == sku }.reduce(0) { $0 + $1.onHand } }
            let sold = { (sku: String) in world.lots.filter { $0.sku == sku }.reduce(0) { $0 + $1.sold } }
            let listings = world.listings.sorted { $0.sku < $1.sku }
            if json {
                struct Row: Encodable { let sku: String; let price: MoneyJSON; let active: Bool; let on_hand: Int; let sold: Int; let reviews: Int; let rating: Double? }
                print(Terminal.json(listings.map {
                    Row(sku: $0.sku, price: MoneyJSON($0.price), active: $0.active, on_hand: stock($0.sku), sold: sold($0.sku),
                        reviews: $0.reviewCount, rating: $0.rating)
                }))
                return
            }
            if listings.isEmpty {
                print("No listings yet. Add one with: borderlab shop add SKU --price \"AMOUNT \(world.scenario.storefrontCurrency)\"")
                return
            }
            print(Terminal.table(["SKU", "NAME", "PRICE", "STATUS", "ON HAND", "SOLD", "RATING"], listings.map {
                [$0.sku, world.product($0.sku)?.name ?? "", Terminal.money($0.price), $0.active ? "on sale" : "delisted",
                 String(stock($0.sku)), String(sold($0.sku)),
                 BorderLab.Shop.listingRating($0)]
            }), terminator: "")
        }
    }

    static func listingRating(_ listing: Listing) -> String {
        guard let rating = listing.rating else { return "-" }
        return "\(Terminal.decimal(rating, places: 2)) (\(listing.reviewCount))"
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a product in the storefront at a price.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The SKU to list.")
        var sku: String
        @Option(help: "The price, AMOUNT CURRENCY in the storefront currency (CNY for cn-import, USD for global-export), e.g. \"129.00 CNY\".")
        var price: String

        func run() throws {
            let amount = try Money(parsing: price)
            let world = try options.locate().perform(.list(sku: sku.uppercased(), price: amount))
            let onHand = world.lots.filter { $0.sku == sku.uppercased() }.reduce(0) { $0 + $1.onHand }
            print("Listed \(sku.uppercased()) at \(Terminal.money(amount)).\(onHand == 0 ? " It has no stock yet: customers see it once stock arrives." : "")")
        }
    }

    struct Price: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the price of a listed product.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The listed SKU.")
        var sku: String
        @Argument(help: "The new price, AMOUNT CURRENCY, e.g. \"119.00 CNY\".")
        var price: String

        func run() throws {
            let amount = try Money(parsing: price)
            try options.locate().perform(.reprice(sku: sku.uppercased(), price: amount))
            print("\(sku.uppercased()) now sells at \(Terminal.money(amount)).")
        }
    }

    struct Delist: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a product off the storefront (its stock stays).")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The listed SKU.")
        var sku: String

        func run() throws {
            try options.locate().perform(.delist(sku: sku.uppercased()))
            print("Delisted \(sku.uppercased()). List it again with `borderlab shop add \(sku.uppercased()) --price …`.")
        }
    }
}
