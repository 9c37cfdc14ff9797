/// Why the engine refused an action. Each description names the item and the fix.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    case unknownSKU(String)
    case notListed(String)
    case alreadyListed(String)
    case alreadyPromoted(String)
    case wrongCurrency(sku: String, given: Currency, expected: Currency)
    case nonPositivePrice(String)
    case belowMOQ(sku: String, quantity: Int, moq: Int)
    case nonPositiveQuantity(Int)
    case cannotAfford(needed: Money, available: Money)
    case channelNotAllowed(channel: Channel, customs: CustomsMode, allowed: [Channel])
    case customsNotAllowed(customs: CustomsMode, scenario: String, allowed: [CustomsMode])
    case wrongOrigin(sku: String, supplierCountry: String, scenario: String)
    case offPositiveList(String)
    case warehouseRequired
    case warehouseNotUsed(customs: CustomsMode)
    case unknownWarehouse(String, allowed: [String])
    case parcelTooHeavy(sku: String, channel: Channel, grams: Int, limit: Int)
    case badDays(Int)
    case unknownScenario(String)
    case quantityTooLarge(Int)
    case badCustomers(Int)
    case badStartDate(String)
    case worldTooLong(day: Int, days: Int)
    // MARK: modes and settings
    case unknownSetting(String, known: [String])
    case badSetting(key: String, value: String, expected: String)
    case unknownMode(String, scenario: String, allowed: [String])
    case notInMode(action: String, mode: String, fix: String)
    case unknownSupplier(String)
    case alreadySigned(String)
    case notSigned(sku: String, supplier: String)
    case belowSupplierMinimum(sku: String, supplier: String, minimum: Money)
    case wrongCategory(sku: String, category: String, shopCategory: String)
    case badEvent(index: Int, problem: String)
    /// The events list as a whole is out of bounds (too many, or fx-shocks compounding too far): see ``EventLimits``.
    case badEvents(problem: String)
    /// An amount too large for the engine's integers (a conversion that would overflow): names what it was.
    case amountTooLarge(field: String, currency: Currency)
    case supplierUnavailable(supplier: String, untilDay: Int)
    case priceSetByMerchant(sku: String, price: Money)

    // MARK: customs (holds, release)
    case unknownHold(Int)
    case notMismatchHold(Int, clearsDay: Int)
    case holdNotHeld(Int, status: String)

    // (customs cases go above this line)

    // MARK: payments and risk (fx convert, chargebacks)
    case conversionNotPositive(Money)
    case conversionSameCurrency(Currency)
    case conversionAboveCash(amount: Money, held: Money)
    case conversionTooSmall(amount: Money, to: Currency)

    // (payments cases go above this line)

    // MARK: service and supervision (tickets, inspection, verification)
    case unknownTicket(Int)
    case ticketNotOpen(id: Int, status: String)
    case nothingToResend(ticket: Int, sku: String, needed: Int, onHand: Int)
    case badAQL(String)
    case unknownPurchaseOrder(Int)
    case alreadyInspected(purchaseOrder: Int, outcome: String)
    case nothingToInspect(purchaseOrder: Int, sku: String)
    case alreadyVerified(supplier: String, genuine: Bool)
    case purchaseOrderCancelled(Int)

    // (service cases go above this line)

    public var description: String {
        switch self {
        case .unknownSKU(let sku):
            return "Unknown SKU '\(sku)'. List the offers with `borderlab market offers`."
        case .notListed(let sku):
            return "\(sku) is not listed in your shop. List it first with `borderlab shop add \(sku) --price \"AMOUNT CUR\"`."
        case .alreadyListed(let sku):
            return "\(sku) is already listed (see `borderlab shop listings`). Change its price with `borderlab shop price \(sku) \"AMOUNT CUR\"`."
        case .alreadyPromoted(let sku):
            return "\(sku) is already promoted (see `borderlab shop listings`); its merchant sets the price. Promote another product, or stop with `borderlab shop delist \(sku)`."
        case .wrongCurrency(let sku, let given, let expected):
            return "The price of \(sku) is in \(given), but this storefront sells in \(expected). Write it in \(expected), e.g. \"129.00 \(expected)\"."
        case .nonPositivePrice(let sku):
            return "The price of \(sku) must be above zero. Give a positive amount, e.g. \"129.00 CNY\"."
        case .belowMOQ(let sku, let quantity, let moq):
            return "\(quantity) is below the minimum order quantity of \(sku) (\(moq)). Order at least \(moq)."
        case .nonPositiveQuantity(let quantity):
            return "Quantity \(quantity) is not a positive whole number. Give --qty 1 or more."
        case .cannotAfford(let needed, let available):
            return "The shop cannot pay \(needed): it has \(available) in cash. Buy fewer units, or sell stock first."
        case .channelNotAllowed(let channel, let customs, let allowed):
            return "Channel \(channel.rawValue) does not carry customs mode \(customs.rawValue). Use one of: \(allowed.map(\.rawValue).joined(separator: ", "))."
        case .customsNotAllowed(let customs, let scenario, let allowed):
            return "Customs mode \(customs.rawValue) is not used in the \(scenario) scenario. Use one of: \(allowed.map(\.rawValue).joined(separator: ", "))."
        case .wrongOrigin(let sku, let country, let scenario):
            if scenario == "cn-import" {
                return "\(sku) comes from a supplier in \(country): in cn-import the shop imports into China, so buy from an overseas supplier (`borderlab market suppliers`)."
            }
            return "\(sku) comes from a supplier in \(country): in global-export the shop exports from China, so buy from a Chinese supplier (`borderlab market suppliers`)."
        case .offPositiveList(let sku):
            return "\(sku) is not on China's CBEC positive list, so it cannot clear as a cross-border retail import. Pick another product."
        case .warehouseNotUsed(let customs):
            return "--warehouse applies to 9810 (export to an overseas warehouse) only; customs \(customs.rawValue) ships from \(customs == .bonded ? "the bonded zone" : "where the goods are"). Leave --warehouse out, or use --customs 9810."
        case .warehouseRequired:
            return "Customs mode 9810 ships to an overseas warehouse: say which with --warehouse US, DE or JP."
        case .unknownWarehouse(let name, let allowed):
            return "There is no overseas warehouse in '\(name)'. Use one of: \(allowed.joined(separator: ", "))."
        case .parcelTooHeavy(let sku, let channel, let grams, let limit):
            return "A parcel of \(sku) weighs \(grams) g chargeable, above the \(limit) g limit of \(channel.rawValue). Pick express, dedicated-line or postal."
        case .badDays(let days):
            return "Cannot advance \(days) days: give between 1 and 3660."
        case .quantityTooLarge(let quantity):
            return "\(quantity) units is more than one purchase order may hold (\(World.maxPurchaseQuantity)). Order fewer units."
        case .badCustomers(let count):
            return "A world holds between 1 and \(World.maxCustomers) customers, not \(count). Fix the header's customers field, or start a new workspace."
        case .badStartDate(let date):
            return "The start date \(date) is outside the years the rule book covers (\(World.earliestStart.iso) to \(World.latestStart.iso)). Pick a start date in that range."
        case .worldTooLong(let day, let days):
            return "The world is at day \(day); \(days) more days would pass the \(World.maxDays)-day limit of a workspace. Advance fewer days, or start a new workspace."
        case .unknownScenario(let name):
            return "Unknown scenario '\(name)'. Use one of: \(Scenario.all.map(\.id).joined(separator: ", "))."
        // MARK: modes and settings
        case .unknownSetting(let key, let known):
            return "There is no setting '\(key)'. Use one of: \(known.joined(separator: ", "))."
        case .badSetting(let key, let value, let expected):
            return "'\(value)' is not a valid value for \(key): give \(expected)."
        case .unknownMode(let mode, let scenario, let allowed):
            return "'\(mode)' is not a shop mode of the \(scenario) scenario. Use one of: \(allowed.joined(separator: ", ")) (see `borderlab new --help`)."
        case .notInMode(let action, let mode, let fix):
            return "A \(mode) shop cannot \(action). \(fix)"
        case .unknownSupplier(let id):
            return "Unknown supplier '\(id)'. List them with `borderlab market suppliers`."
        case .alreadySigned(let id):
            return "The shop already has a supply agreement with \(id). See them with `borderlab sql \"SELECT * FROM agreements\"`."
        case .notSigned(let sku, let supplier):
            return "\(sku) comes from \(supplier), with whom the platform has no supply agreement. Sign one first: `borderlab shop sign \(supplier)`."
        case .belowSupplierMinimum(let sku, let supplier, let minimum):
            return "\(supplier) will not ship \(sku) below \(minimum) at the platform's commission (the supplier wants what it nets at 80% of retail under a 12% commission). Price it at \(minimum) or more, or lower platform.commission."
        case .wrongCategory(let sku, let category, let shopCategory):
            return "\(sku) is \(category), but this vertical shop sells \(shopCategory) only. Buy or list \(shopCategory) products only, or run a b2c-comprehensive shop."
        case .badEvent(let index, let problem):
            return "Scheduled event \(index + 1) of the scenario: \(problem). Fix the events list of the scenario file."
        case .badEvents(let problem):
            return "The scenario's events: \(problem). Fix the events list of the scenario file (or the header's events)."
        case .amountTooLarge(let field, let currency):
            return "\(field) is too large to count in \(currency.rawValue) (it would overflow the engine's integers). Use a smaller quantity or amount."
        case .supplierUnavailable(let supplier, let untilDay):
            return "Supplier \(supplier) has stopped working until day \(untilDay). Buy from another supplier (`borderlab market offers`) or wait."
        case .priceSetByMerchant(let sku, let price):
            return "A rebate site does not set prices: merchants sell \(sku) at \(price). To promote a product, add it without --price (`borderlab shop add \(sku)`); what you set is the cashback share (`borderlab shop set rebate.share PERCENT`)."

        // MARK: customs (holds, release)
        case .unknownHold(let id):
            return "There is no customs hold \(id). See the holds with `borderlab customs list --all`."
        case .notMismatchHold(let id, let clearsDay):
            return "Customs hold \(id) is a random inspection: it clears by itself (day \(clearsDay)) and needs no release. Only three-document mismatches need `borderlab customs release ID`; see them with `borderlab customs list`."
        case .holdNotHeld(let id, let status):
            return "Customs hold \(id) is already \(status): there is nothing to release. See the parcels customs still holds with `borderlab customs list`."

        // (customs cases go above this line)

        // MARK: payments and risk (fx convert, chargebacks)
        case .conversionNotPositive(let amount):
            return "Cannot convert \(amount): give a positive amount, e.g. `borderlab fx convert \"1000.00 \(amount.currency)\" --to \(amount.currency == .CNY ? "USD" : "CNY")`."
        case .conversionSameCurrency(let currency):
            return "Cannot convert \(currency) to \(currency). Name another currency with --to, e.g. `borderlab fx convert \"100.00 \(currency)\" --to \(currency == .CNY ? "USD" : "CNY")`."
        case .conversionAboveCash(let amount, let held):
            return "Cannot convert \(amount): the shop holds only \(held). Give at most \(held), or see the cash per currency with `borderlab status`."
        case .conversionTooSmall(let amount, let to):
            return "\(amount) is worth less than one minor unit of \(to) after the bank's spread. Give a larger amount."

        // (payments cases go above this line)

        // MARK: service and supervision (tickets, inspection, verification)
        case .unknownTicket(let id):
            return "There is no ticket \(id). List the open ones with `borderlab tickets list` (all with --all)."
        case .ticketNotOpen(let id, let status):
            return "Ticket \(id) is \(status) and takes no more replies. See it with `borderlab tickets show \(id)`; answer an open one from `borderlab tickets list`."
        case .nothingToResend(let ticket, let sku, let needed, let onHand):
            return "Ticket \(ticket) needs \(needed) × \(sku) resent, but its stock has \(onHand) on hand. Reply with --action refund, or buy stock first (`borderlab market buy \(sku) …`)."
        case .badAQL(let aql):
            return "'\(aql)' is not an AQL the sandbox offers. Use one of: \(SamplingPlan.aqls.joined(separator: ", ")), e.g. --aql 2.5."
        case .unknownPurchaseOrder(let id):
            return "There is no purchase order \(id). List them with `borderlab sql \"SELECT id, sku, quantity, status FROM purchase_orders\"`."
        case .alreadyInspected(let po, let outcome):
            return "Purchase order \(po) already has an inspection (\(outcome)). See it with `borderlab sql \"SELECT * FROM inspections WHERE purchase_order_id = \(po)\"`."
        case .nothingToInspect(let po, let sku):
            return "Purchase order \(po) has arrived and no \(sku) is left on hand to inspect. Inspect the next batch before it arrives: `borderlab market inspect PO --aql 2.5` right after `market buy`."
        case .alreadyVerified(let supplier, let genuine):
            return "\(supplier) was verified already: its documents are \(genuine ? "genuine" : "fake"). See the findings with `borderlab sql \"SELECT * FROM supplier_checks\"`."

        case .purchaseOrderCancelled(let id):
            return "Purchase order \(id) was cancelled (its supplier stopped) and will not arrive, so there is nothing to inspect. Inspect another batch: `borderlab sql \"SELECT id, sku, status FROM purchase_orders\"`."
        // (service cases go above this line)
        }
    }
}
