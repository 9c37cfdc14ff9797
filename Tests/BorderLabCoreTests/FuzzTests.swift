import Testing
@testable import BorderLabCore

/// Issue 9 §1: random headers, scenario events and actions within the documented limits (and just outside them) give
/// a world or a thrown error, never a trap. A trap would end the test process, so the test passing is the assertion;
/// each outcome is also checked to be one of the two.
///
/// The generator is seeded (the same cases every run, so a failure reproduces) and the run is bounded in cases and in
/// time, so that it fits in CI.
@Suite struct FuzzTests {
    /// SplitMix64: a small seeded generator, for the test only.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        /// The engine's SplitMix64 mix over a counter: seeded, and the same on every machine.
        mutating func next() -> UInt64 {
            state &+= 1
            return CounterRNG.mix(state)
        }
        mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    }

    static let catalogue = Catalogue.standard
    static let edgeInts = [Int.min, -1, 0, 1, 2, 9_999_999, 10_000_000, 10_000_001, Int.max]

    /// An event of a random kind, with the fields its kind needs valid most of the time (as a scenario file writes
    /// them), and now and then a field out of range or missing, or a date outside the world.
    static func event(_ g: inout Generator, start: SimDate) -> ScheduledEvent {
        let kind = g.pick(ScheduledEvent.Kind.allCases)
        let date = g.chance(3) ? start.adding(days: g.pick([-1, World.maxDays, -400])) : start.adding(days: g.int(0...120))
        let wrong = g.chance(5)
        var event = ScheduledEvent(date: date, kind: kind, days: g.chance(50) ? g.int(1...60) : nil, note: g.chance(20) ? "note" : nil)
        switch kind {
        case .fxShock:
            event.currency = wrong ? g.pick([Currency.CNY]) : g.pick(Currency.allCases.filter { $0 != .CNY })
            event.percent = g.chance(95) ? g.pick(Array(-50...100).filter { $0 != 0 }) : g.pick(edgeInts)
        case .portStrike:
            event.country = wrong ? "XX" : g.pick(Country.all.map(\.code) + ["ALL"])
        case .policyChange:
            event.country = wrong ? nil : g.pick(["CN", "US", "DE", "FR", "JP"])
            event.percent = g.chance(95) ? g.int(1...200) : g.pick(edgeInts)
        case .supplierFailure:
            event.supplier = wrong ? "NOPE" : g.pick(catalogue.suppliers.map(\.id))
        case .viralReview:
            event.sku = wrong ? "NOPE" : g.pick(catalogue.products.map(\.id))
            event.stars = g.chance(95) ? g.int(1...5) : g.pick(edgeInts)
        case .positiveListRemoval:
            event.category = wrong ? g.pick(["NOPE", ""]) : g.pick(Category.allCases.map(\.rawValue))
        case .cbecLimits:
            event.perTransaction = g.chance(95) ? g.int(1...20_000) : g.pick(edgeInts)
            event.annual = g.chance(95) ? g.int(1...100_000) : g.pick(edgeInts)
        case .fraudWave:
            event.percent = g.chance(95) ? g.int(World.fraudWavePercent) : g.pick(edgeInts)
        case .counterfeitBatch:
            event.sku = wrong ? "NOPE" : g.pick(catalogue.products.map(\.id))
            event.percent = g.chance(95) ? g.int(1...100) : g.pick(edgeInts)
        }
        if g.chance(3) { event.days = g.pick(edgeInts) }
        return event
    }

    static func header(_ g: inout Generator) -> WorldHeader {
        let scenario = g.pick(Scenario.all)
        let modes = ShopMode.modes(for: scenario).map(\.rawValue)
        var header = WorldHeader(seed: g.next(), scenario: scenario, mode: g.chance(95) ? g.pick(modes) : g.pick(ShopMode.allCases.map(\.rawValue) + ["x"]),
                                 customers: g.chance(95) ? g.int(1...400) : g.pick([0, -3, World.maxCustomers + 1]))
        if g.chance(10) { header.startDate = g.pick([World.earliestStart, World.latestStart, World.earliestStart.adding(days: -1)]) }
        let count = g.chance(70) ? g.int(0...4) : g.int(0...40)
        header.events = (0..<count).map { _ in event(&g, start: header.startDate) }
        return header
    }

    static func money(_ g: inout Generator) -> Money {
        let minor: Int64 = g.chance(80) ? Int64(g.int(-1_000...2_000_000)) : Int64(g.pick([-999_999_999_999_900, 0, 1, 999_999_999_999_900]))
        return Money(minor: minor, g.pick(Currency.allCases))
    }

    static func action(_ g: inout Generator) -> Action {
        let sku = g.chance(90) ? g.pick(catalogue.products.map(\.id)) : g.pick(["", "NOPE", String(repeating: "X", count: 300)])
        let quantity = g.chance(80) ? g.int(1...2_000) : g.pick(edgeInts)
        switch g.int(0...11) {
        case 0, 1: return .buy(sku: sku, quantity: quantity, channel: g.pick(Channel.allCases), customs: g.pick(CustomsMode.allCases),
                               warehouse: g.chance(30) ? g.pick(["US", "DE", "JP", "XX"]) : nil)
        case 2: return .list(sku: sku, price: money(&g))
        case 3: return .reprice(sku: sku, price: money(&g))
        case 4: return .delist(sku: sku)
        case 5, 6: return .advance(days: g.chance(90) ? g.int(1...15) : g.pick([Int.min, -1, 0, World.maxDays + 1, Int.max]))
        case 7: return .set(key: g.pick(ShopSettings.keys.map(\.key) + ["nope"]),
                            value: g.pick(["on", "off", "0", "50", "100", "101", "-1", "1000.00 CNY", "99999999999999 USD", "x"]))
        case 8: return .convert(amount: money(&g), to: g.pick(Currency.allCases))
        case 9: return .replyTicket(id: g.pick(edgeInts), action: g.pick(TicketAction.allCases))
        case 10: return .inspect(purchaseOrder: g.pick([1, 2, 0, -1, Int.max]), aql: g.pick(["2.5", "0.065", "9", ""]))
        default: return g.chance(50) ? .verifySupplier(id: g.pick(catalogue.suppliers.map(\.id) + ["NOPE"]))
                                     : .signSupplier(id: g.pick(catalogue.suppliers.map(\.id) + ["NOPE"]))
        }
    }

    @Test func randomHeadersAndActionsGiveAWorldOrAnError() {
        var g = Generator(state: 0xB0D3_21AB)
        let clock = ContinuousClock()
        let start = clock.now
        var worlds = 0, refusedHeaders = 0, applied = 0, refusedActions = 0, quotes = 0
        for _ in 0..<2_000 where clock.now - start < .seconds(20) {
            let header = FuzzTests.header(&g)
            var world: World
            do { world = try World(header: header) } catch {
                refusedHeaders += 1
                #expect(!error.description.isEmpty)
                continue
            }
            worlds += 1
            for _ in 0..<g.int(0...20) {
                do {
                    try world.apply(FuzzTests.action(&g))
                    applied += 1
                } catch {
                    refusedActions += 1
                    #expect(!error.description.isEmpty)
                }
                if g.chance(30) {
                    _ = try? world.quote(sku: g.pick(FuzzTests.catalogue.products.map(\.id)), quantity: g.chance(50) ? World.maxPurchaseQuantity : g.int(1...5_000),
                                         channel: g.pick(Channel.allCases), customs: g.pick(CustomsMode.allCases), warehouse: g.chance(30) ? "US" : nil)
                    quotes += 1
                }
            }
            _ = world.statusReport()
        }

        // The generator reaches both outcomes often, so the run exercises the engine and its refusals alike.
        #expect(worlds > 20 && refusedHeaders > 5)
        #expect(applied > 20 && refusedActions > 20)
        #expect(quotes > 5)
    }
}
