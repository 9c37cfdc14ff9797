import Testing
@testable import BorderLabCore

/// Issue 9 §1: inputs the validators accepted one by one but that overflowed together are refused where they enter,
/// with a message naming the field and the fix.
@Suite struct InputLimitTests {
    static func shocks(_ count: Int, _ currency: Currency, percent: Int = 100, on date: SimDate) -> [ScheduledEvent] {
        Array(repeating: ScheduledEvent(date: date, kind: .fxShock, currency: currency, percent: percent), count: count)
    }

    /// Reproducer: 35 × USD +100% (on 2026-10-21, or on the start date) overflowed in `advance`, or in `new` itself.
    @Test(arguments: [0, 1])
    func compoundedShocksAreRefusedWhenTheWorldIsBuilt(daysAfterStart: Int) {
        var header = WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 50)
        header.events = InputLimitTests.shocks(35, .USD, on: header.startDate.adding(days: daysAfterStart))
        #expect { try World(header: header) } throws: { error in
            guard case EngineError.badEvents(let problem) = error else { return false }
            let text = "\(error)"
            return problem.contains("35 fx-shock events of USD compound to ×more than 1000000") && text.contains("Fix the events list")
        }
    }

    /// Reproducer: 40 × JPY +100% then a quote of 10,000 units died in the FX conversion ("Not enough bits").
    @Test func jpyShocksAreRefusedAndConversionsThatOverflowThrow() {
        var header = WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 50)
        header.events = InputLimitTests.shocks(40, .JPY, on: header.startDate)
        #expect(throws: EngineError.self) { try World(header: header) }
        // The conversion itself throws where its result would not fit, instead of trapping.
        var micro = FXMarket.meanMicro
        micro[FXRates.index(.JPY)] = Int64.max / 2
        let rates = FXRates(micro: micro)
        #expect(throws: EngineError.amountTooLarge(field: "The goods", currency: .CNY)) {
            try rates.checkedCost(of: Money(minor: 1_000_000_000, .JPY), in: .CNY, spreadBP: 50, field: "The goods")
        }
        #expect(checkedDivideHalfUp(Int128(Int64.max) * 4, 1) == nil)
        #expect(checkedDivideHalfUp(7, 2) == divideHalfUp(7, 2))
        #expect(checkedDivideHalfUp(-7, 2) == divideHalfUp(-7, 2))
        #expect(checkedDivideHalfUp(1, 0) == nil)
    }

    /// Up to ×8 compounded is allowed (realistic crises), and a world then runs as before.
    @Test func shocksWithinTheLimitStillWork() throws {
        var header = WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 50)
        header.events = InputLimitTests.shocks(3, .USD, on: header.startDate.adding(days: 1)) + InputLimitTests.shocks(3, .EUR, percent: -50, on: header.startDate)
        var world = try World(header: header)
        try world.apply(.advance(days: 3))
        #expect(world.rates.mid(.USD) > 7 * FXMarket.meanMicro[1])
    }

    /// Header events are capped like a scenario file's, and dated within the world.
    @Test func headerEventsAreCappedAndDated() {
        var header = WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 50)
        header.events = Array(repeating: ScheduledEvent(date: header.startDate, kind: .portStrike, country: "ALL", days: 1), count: 1_001)
        #expect(throws: EngineError.badEvents(problem: "1001 events is more than 1000; split the term into several scenario files")) {
            try World(header: header)
        }
        header.events = [ScheduledEvent(date: header.startDate.adding(days: World.maxDays), kind: .portStrike, country: "ALL", days: 1)]
        #expect { try World(header: header) } throws: { "\($0)".contains("after the last day a world can reach") }
    }

    /// Reproducer: 200,000 customers and `advance --days 3660` reserved 3.5 GB in one allocation (a 10⁶-customer
    /// header, 17.6 GB). The reservation is now a bounded hint.
    @Test func reservationsAreBounded() throws {
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, mode: "b2c-comprehensive", customers: 200_000))
        world.reserveForDays(World.maxDays)
        #expect(world.orders.capacity < 4 * World.maxReservedRows)
        #expect(world.ledger.lines.capacity < 60 * World.maxReservedRows)
    }
}
