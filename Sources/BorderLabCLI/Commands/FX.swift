import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct FX: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fx",
            abstract: "Currency: convert cash between currencies at the day's rate.",
            discussion: """
            Examples:
              borderlab fx rates
              borderlab fx auto-convert off        # keep foreign payouts as foreign cash
              borderlab fx convert "500.00 USD" --to CNY
            """,
            subcommands: [Rates.self, Convert.self, AutoConvert.self])
    }
}

extension BorderLab.FX {
    struct Rates: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rates", 
            abstract: "Show today's exchange rates: mid, what the bank pays and charges, and the cash held per currency.")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let home = world.scenario.homeCurrency
            let rows = Currency.allCases.filter { $0 != home }.map { currency in
                let hundred = Money(major: 100, currency)
                return (currency: currency, mid: world.rates.crossRate(from: currency, to: home),
                        sell: world.rates.convert(hundred, to: home, spreadBP: FXMarket.spreadBP),
                        buy: world.rates.cost(of: hundred, in: home, spreadBP: FXMarket.spreadBP), cash: world.cash(currency))
            }
            if json {
                struct Row: Encodable { let currency: String; let home_per_unit_mid: Double; let sell_100: MoneyJSON; let buy_100: MoneyJSON; let cash: MoneyJSON }
                print(Terminal.json(rows.map {
                    Row(currency: $0.currency.rawValue, home_per_unit_mid: $0.mid.doubleValue, sell_100: MoneyJSON($0.sell),
                        buy_100: MoneyJSON($0.buy), cash: MoneyJSON($0.cash))
                }))
                return
            }
            print("Rates on day \(world.day) (\(world.date().iso)); the bank's spread is \(Terminal.decimal(Double(FXMarket.spreadBP) / 100, places: 2))% each way.")
            print(Terminal.table(["CURRENCY", "MID (\(home) per unit)", "YOU GET FOR 100", "100 COSTS YOU", "CASH HELD"], rows.map {
                [$0.currency.rawValue, sixDecimals($0.mid),
                 Terminal.money($0.sell), Terminal.money($0.buy), Terminal.money($0.cash)]
            }), terminator: "")
            print("Home cash: \(Terminal.money(world.cash(home))). Auto-convert of payouts is \(world.settings.autoConvert ? "on" : "off").")
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "convert", 
            abstract: "Convert cash to another currency at today's rate less the bank's spread.",
            discussion: "Example: borderlab fx convert \"500.00 USD\" --to CNY")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The amount to convert, AMOUNT CURRENCY, e.g. \"500.00 USD\" (at most the cash held in that currency).")
        var amount: String
        @Option(help: "The currency to receive: CNY, USD, EUR, JPY, GBP or AUD.")
        var to: String

        func run() throws {
            let money = try Money(parsing: amount)
            let target: Currency
            do { target = try Currency.resolve(to) } catch {
                throw CLIError("--to: \(error.description)")
            }
            let workspace = try options.locate()
            let (_, before) = try options.open()
            if money.currency != before.scenario.homeCurrency, before.cash(money.currency).minor <= 0, before.settings.autoConvert {
                throw CLIError("The shop holds no \(money.currency.rawValue): auto-convert is on, so foreign payouts become \(before.scenario.homeCurrency.rawValue) at settlement. To hold foreign cash and convert it yourself, run `borderlab fx auto-convert off` first.")
            }
            let (world, outcome) = try workspace.performWithOutcome(.convert(amount: money, to: target))
            guard case .conversion(let id) = outcome else { return }
            let done = world.riskBook.conversions[id - 1]
            print("Converted \(Terminal.money(done.from)) to \(Terminal.money(done.to)).")
            print("Cash now: \(Terminal.money(world.cash(done.from.currency))) and \(Terminal.money(world.cash(done.to.currency))).")
        }
    }

    struct AutoConvert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "auto-convert",
            abstract: "Turn the conversion of foreign payouts to the home currency at settlement on or off.",
            discussion: "Off: payouts stay as cash in the customer's currency until you run `borderlab fx convert`.")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "on or off.")
        var value: String

        func run() throws {
            let world = try options.locate().perform(.set(key: "fx.auto_convert", value: value))
            print(world.settings.autoConvert ? "Foreign payouts are converted to the home currency at settlement."
                                : "Foreign payouts are now held in their own currency. Convert them with `borderlab fx convert`.")
        }
    }
}

/// A rate with six decimals, rounded half-up exactly: 7.123456.
private func sixDecimals(_ rate: Rational) -> String {
    let micro = (rate * Rational(1_000_000)).roundedHalfUp()
    let fraction = String(micro % 1_000_000)
    return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}
