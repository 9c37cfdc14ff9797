import BorderLabCore

/// A value an engine computation returns, in the unit its answer type takes.
public enum ComputedValue: Sendable, Equatable {
    case money(Money)
    /// A number (percentages in percent: 12.5 means 12.5%).
    case number(Double)
    case text(String)
    /// Any one of these texts is right (several suppliers may be fake).
    case oneOf([String])
}

/// The named engine computations an `answer` check compares with. Each one asks the engine, on the student's own
/// world, so the expected value follows the world's economics instead of a number typed into YAML.
public struct Computation: Sendable {
    public let name: String
    public let arguments: [String]
    public let summary: String
    let run: @Sendable (World, [String: String]) throws -> ComputedValue
}

/// Why a computation could not run on this world (a bad argument in the definition, or nothing to compute yet).
public struct ComputationError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

public enum Computations {
    public static func named(_ name: String) -> Computation? { all.first { $0.name == name } }

    public static let all: [Computation] = [
        Computation(name: "landed-cost-unit", arguments: ["sku", "quantity", "channel", "customs"],
                    summary: "the landed cost per unit of a purchase (goods, freight, insurance, duty), as `market quote` prints it") { world, a in
            .money(try quote(world, a).unitLanded)
        },
        Computation(name: "landed-cost-total", arguments: ["sku", "quantity", "channel", "customs"],
                    summary: "the whole purchase landed (goods, freight, insurance, duty): the capital a batch ties up") { world, a in
            .money(try quote(world, a).total)
        },
        Computation(name: "payback-units", arguments: ["sku", "quantity", "channel", "customs", "price"],
                    summary: "units to sell at `price` (home currency, before payment fees) until the margin over the cost to serve repays the batch") { world, a in
            let q = try quote(world, a)
            guard let price = Double(a["price"] ?? "") else { throw ComputationError(description: "'price' must be a number") }
            let priceMinor = Int64((price * Double(q.total.currency.minorPerMajor)).rounded())
            let margin = priceMinor - (q.unitLanded + q.parcelFreight).minor
            guard margin > 0 else { throw ComputationError(description: "the price does not cover the cost to serve") }
            return .number(Double((q.total.minor + margin - 1) / margin))
        },
        Computation(name: "cost-to-serve-unit", arguments: ["sku", "quantity", "channel", "customs"],
                    summary: "landed cost per unit plus the parcel to the customer of a one-unit order") { world, a in
            let q = try quote(world, a)
            return .money(q.unitLanded + q.parcelFreight)
        },
        Computation(name: "customer-tax-unit", arguments: ["sku", "quantity", "channel", "customs"],
                    summary: "the tax a customer pays at checkout on one unit at the retail price (CBEC tax, VAT or duty), first customer country") { world, a in
            guard let first = try quote(world, a).customerTax.first else { throw ComputationError(description: "no customer tax for this route") }
            return .money(first.tax)
        },
        Computation(name: "cheapest-customs", arguments: ["sku", "quantity"],
                    summary: "the customs mode (e.g. 9610 or 1210) with the lowest cost to serve a one-unit order, over every allowed channel") { world, a in
            .text(try cheapestRoute(world, a).customs.rawValue)
        },
        Computation(name: "cheapest-channel", arguments: ["sku", "quantity"],
                    summary: "the channel of that cheapest route (e.g. sea)") { world, a in
            .text(try cheapestRoute(world, a).channel.rawValue)
        },
        Computation(name: "break-even-price", arguments: ["sku"],
                    summary: "the cost of serving one unit of an SKU already bought (latest purchase's landed cost plus the parcel): below it, every one-unit order loses money before fees") { world, a in
            guard let cost = world.unitCostToServe(sku: a["sku"] ?? "") else {
                throw ComputationError(description: "no purchase of \(a["sku"] ?? "?") yet")
            }
            return .money(cost.total)
        },
        Computation(name: "loss-making-sku", arguments: [],
                    summary: "the (first, by SKU) active listing priced below the cost of serving one unit") { world, _ in
            guard let sku = MetricKeys.listingsBelowCost(world).first else { throw ComputationError(description: "no listing is below its cost") }
            return .text(sku)
        },
        Computation(name: "fake-suppliers-verified", arguments: [],
                    summary: "the suppliers whose documents the student's own checks found fake (any one is right)") { world, _ in
            let fakes = world.serviceBook.supplierChecks.filter { !$0.genuine }.map(\.supplierID)
            guard !fakes.isEmpty else { throw ComputationError(description: "none of your verifications has found fake documents yet") }
            return .oneOf(fakes)
        },
        Computation(name: "dispute-ratio", arguments: ["month"],
                    summary: "a month's card dispute ratio in percent (fraud reports + disputes over card payments), as `risk show` prints it") { world, a in
            guard let month = world.riskReport().months.first(where: { $0.month == a["month"] }) else {
                throw ComputationError(description: "no card payments in \(a["month"] ?? "?")")
            }
            return .number(Double(month.ratioBP ?? 0) / 100)
        },
        Computation(name: "worst-dispute-month", arguments: [],
                    summary: "the month (YYYY-MM) with the highest card dispute ratio so far") { world, _ in
            guard let month = world.riskReport().months.max(by: { ($0.ratioBP ?? 0, $1.month) < ($1.ratioBP ?? 0, $0.month) }) else {
                throw ComputationError(description: "no card payments yet")
            }
            return .text(month.month)
        },
        Computation(name: "aql-sample-size", arguments: ["lot", "aql"],
                    summary: "the ISO 2859-1 sample size (level II, single normal) for a lot size and AQL") { _, a in
            .number(Double(try plan(a).sampleSize))
        },
        Computation(name: "aql-accept-number", arguments: ["lot", "aql"],
                    summary: "the most defects in that sample that still accept the lot (Ac)") { _, a in
            .number(Double(try plan(a).accept))
        },
        Computation(name: "aql-decision", arguments: ["lot", "aql", "defects"],
                    summary: "accept or reject: the lot's fate when the sample holds that many defective units") { _, a in
            .text(try plan(a).accepts(defects: try int(a, "defects")) ? "accept" : "reject")
        },
    ]

    static func int(_ a: [String: String], _ key: String) throws -> Int {
        guard let text = a[key], let n = Int(text) else { throw ComputationError(description: "'\(key)' must be a whole number, not '\(a[key] ?? "")'") }
        return n
    }

    static func plan(_ a: [String: String]) throws -> SamplingPlan {
        guard let aql = SamplingPlan.canonicalAQL(a["aql"] ?? ""), let plan = SamplingPlan.plan(lotSize: try int(a, "lot"), aql: aql) else {
            throw ComputationError(description: "AQL '\(a["aql"] ?? "")' is not offered")
        }
        return plan
    }

    static func quote(_ world: World, _ a: [String: String]) throws -> LandedCostQuote {
        guard let channel = Channel(rawValue: a["channel"] ?? "") else { throw ComputationError(description: "unknown channel '\(a["channel"] ?? "")'") }
        guard let customs = CustomsMode(rawValue: a["customs"] ?? "") else { throw ComputationError(description: "unknown customs mode '\(a["customs"] ?? "")'") }
        do {
            return try world.quote(sku: a["sku"] ?? "", quantity: try int(a, "quantity"), channel: channel, customs: customs, warehouse: a["warehouse"])
        } catch let error as EngineError { throw ComputationError(description: error.description) }
    }

    /// The route with the lowest cost to serve one unit (ties broken by customs code, then channel name).
    static func cheapestRoute(_ world: World, _ a: [String: String]) throws -> (customs: CustomsMode, channel: Channel, cost: Money) {
        var best: (CustomsMode, Channel, Money)?
        for customs in world.scenario.customsModes where customs != .overseasWarehouse {
            for channel in World.channels(for: customs) {
                var args = a
                args["customs"] = customs.rawValue
                args["channel"] = channel.rawValue
                guard let q = try? quote(world, args) else { continue }
                let cost = q.unitLanded + q.parcelFreight
                if best == nil || cost < best!.2 { best = (customs, channel, cost) }
            }
        }
        guard let best else { throw ComputationError(description: "no route can carry \(a["sku"] ?? "?")") }
        return best
    }
}
