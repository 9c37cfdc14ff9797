import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Shop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "shop", 
            abstract: "The storefront and the shop's standing choices: listings, prices, settings, supply agreements.",
            subcommands: [Listings.self, Add.self, Price.self, Delist.self, SetSetting.self, Settings.self, Sign.self])
    }
}

extension BorderLab.Shop {
    struct Listings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "listings", abstract: "List the storefront's products with price, stock and rating.")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let onHand = world.stockBySKU()
            let stock = { (sku: String) in onHand[sku] ?? 0 }
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
                switch world.mode {
                case .b2bPlatform:
                    print("A B2B platform has no storefront: its members trade. See them with `borderlab sql \"SELECT * FROM platform_members\"` and set fees with `borderlab shop settings`.")
                case .rebate:
                    print("No promoted products yet. Promote one with: borderlab shop add SKU   (merchants set the price)")
                default:
                    print("No listings yet. Add one with: borderlab shop add SKU --price \"AMOUNT \(world.scenario.storefrontCurrency)\"")
                }
                return
            }
            print(Terminal.table(["SKU", "NAME", "PRICE", "STATUS", "ON HAND", "SOLD", "RATING"], listings.map {
                [$0.sku, world.product($0.sku)?.name ?? "", Terminal.money($0.price), $0.active ? "on sale" : "delisted",
                 String(stock($0.sku)), String(sold($0.sku)),
                 BorderLab.Shop.listingRating($0)]
            }), terminator: "")
        }
    }

    /// Why a price loses money when it does not cover what a one-unit order costs the shop (goods landed plus the parcel),
    /// before payment fees and returns; nil when it does or when the shop does not pay for goods.
    static func costShortfall(_ world: World, sku: String, price: Money) -> String? {
        guard let loss = world.losingPrice(sku: sku, price: price) else { return nil }
        let (priceHome, cost) = (loss.priceHome, loss.cost)
        let shown = price.currency == cost.total.currency ? "" : " (\(Terminal.money(priceHome)) today)"
        return "at \(Terminal.money(price))\(shown) a one-unit order loses money: the goods cost you \(Terminal.money(cost.landed)) "
            + "to land and the parcel \(Terminal.money(cost.parcel)) (\(Terminal.money(cost.total)) together, before payment fees and returns)."
    }

    static func listingRating(_ listing: Listing) -> String {
        guard let rating = listing.rating else { return "-" }
        return "\(Terminal.decimal(rating, places: 2)) (\(listing.reviewCount))"
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "List a product in the storefront at a price.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The SKU to list.")
        var sku: String
        @Option(help: "The price, AMOUNT CURRENCY in the storefront currency (CNY for cn-import, USD for global-export), e.g. \"129.00 CNY\". A rebate site leaves it out: merchants set prices.")
        var price: String?

        func run() throws {
            let amount: Money
            if let price {
                amount = try Money(parsing: price)
            } else {
                let (_, world) = try options.open()
                guard world.mode == .rebate, let product = world.product(sku.uppercased()) else {
                    throw CLIError("Give the price with --price \"AMOUNT \(world.scenario.storefrontCurrency)\" (only a rebate site lists without a price).")
                }
                amount = product.typicalRetail
            }
            let world = try options.locate().perform(.list(sku: sku.uppercased(), price: amount))
            let onHand = world.stockBySKU()[sku.uppercased()] ?? 0
            print("Listed \(sku.uppercased()) at \(Terminal.money(amount)).\(world.mode.listingNote(onHand: onHand))")
            if let loss = BorderLab.Shop.costShortfall(world, sku: sku.uppercased(), price: amount) { print("Warning: " + loss) }
        }
    }

    struct Price: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "price", abstract: "Change the price of a listed product.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The listed SKU.")
        var sku: String
        @Argument(help: "The new price, AMOUNT CURRENCY, e.g. \"119.00 CNY\".")
        var price: String?
        @Option(name: .customLong("price"), help: "The new price as an option, the way `shop add` takes it.")
        var priceOption: String?

        func validate() throws {
            switch (price, priceOption) {
            case (nil, nil): throw ValidationError("Give the new price: borderlab shop price SKU \"119.00 CNY\" (or --price \"119.00 CNY\").")
            case (.some, .some): throw ValidationError("Give the price once: either after the SKU or with --price.")
            default: break
            }
        }

        func run() throws {
            let amount = try Money(parsing: price ?? priceOption ?? "")
            let world = try options.locate().perform(.reprice(sku: sku.uppercased(), price: amount))
            print("\(sku.uppercased()) now sells at \(Terminal.money(amount)).")
            if let loss = BorderLab.Shop.costShortfall(world, sku: sku.uppercased(), price: amount) { print("Warning: " + loss) }
        }
    }

    struct Delist: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delist", abstract: "Take a product off the storefront (its stock stays).")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The listed SKU.")
        var sku: String

        func run() throws {
            try options.locate().perform(.delist(sku: sku.uppercased()))
            print("Delisted \(sku.uppercased()). List it again with `borderlab shop add \(sku.uppercased()) --price …`.")
        }
    }

    struct SetSetting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change one of the shop's settings (fees, commissions, rebates, risk, FX).",
            discussion: "Settings:\n" + ShopSettings.keys.map { "  \($0.key) (\($0.form))\n" + Terminal.wrap($0.meaning, indent: "      ") }.joined(separator: "\n")
                + "\n\nExamples:\n  borderlab shop set daigou.service_fee 8\n  borderlab shop set platform.registration_fee \"5000 CNY\"")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The setting, e.g. platform.commission.")
        var key: String
        @Argument(help: "Its value, e.g. 12 (percent), \"300 CNY\", on, off.")
        var value: String

        func run() throws {
            let world = try options.locate().perform(.set(key: key, value: value))
            let now = world.settingsRows().first { $0.0 == key }?.1 ?? value
            print("\(key) is now \(now) (from day \(world.day)).")
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "settings", abstract: "Show the shop's mode and settings.")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let (_, world) = try options.open()
            let report = world.settingsReport()
            print(report.modeLine)
            print("")
            print(Terminal.table(["SETTING", "VALUE"], report.rows.map { [$0.key, $0.value.text(money: Terminal.money)] }), terminator: "")
            print(SettingsReport.ticketRulesLine)
            if let agreements = report.agreementsLine {
                print("")
                print(agreements)
            }
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sign", 
            abstract: "Sign a supply agreement with an overseas supplier (direct-delivery platform).",
            discussion: "The platform pays an up-front onboarding cost; the supplier then mails each order 9610 direct, and the platform keeps its commission.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The supplier id (see `borderlab market suppliers`).")
        var supplier: String

        func run() throws {
            let world = try options.locate().perform(.signSupplier(id: supplier))
            print("Signed a supply agreement with \(supplier) (onboarding cost \(Terminal.money(World.agreementCost))). \(Terminal.count(world.modeBook.agreements.count, "agreement")) in force.")
            print("List its products with: borderlab shop add SKU --price \"AMOUNT CNY\"")
        }
    }
}
