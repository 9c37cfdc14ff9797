/// Limits on the instructor's scheduled events, checked wherever events enter: a scenario file and a log's header.
///
/// Each event is checked alone by ``ScheduledEvent/problems(catalogue:scenario:)``, but shocks compound: 35 shocks of
/// +100% on one currency multiply its rate by 2³⁵, which overflows the engine's integer rates and conversions. These
/// limits bound the whole list, so that every world an accepted list builds stays inside the engine's arithmetic.
public enum EventLimits {
    /// The most events one scenario file or one header may carry.
    public static let maxEvents = 1_000
    /// All fx-shocks of one currency together may multiply its rate by at most this, or divide it by at most this.
    public static let maxFXShockFactor = 8.0

    /// The compounded factor of the fx-shock events of `currency` that raise it, and of those that lower it.
    ///
    /// Shocks on different days compound less (the rate mean-reverts between them), so taking every shock as if it
    /// fell on the same day is the safe bound. Double multiplication is IEEE basic arithmetic: deterministic.
    public static func compounded(_ events: [ScheduledEvent], currency: Currency) -> (up: Double, down: Double) {
        var up = 1.0, down = 1.0
        for event in events where event.kind == .fxShock && event.currency == currency {
            guard let percent = event.percent else { continue }
            let factor = (100 + Double(percent)) / 100  // Double first: a hostile percent may be Int.max
            if percent > 0 { up *= factor } else if percent < 0 { down *= factor }
        }
        return (up, down)
    }

    /// What is wrong with the list as a whole (too many events, shocks that compound too far), or nil.
    public static func problem(_ events: [ScheduledEvent]) -> ScheduledEvent.Problem? {
        if events.count > maxEvents {
            return .init(field: "events", message: "\(events.count) events is more than \(maxEvents); split the term into several scenario files")
        }
        let limit = Int(maxFXShockFactor)
        for currency in Currency.allCases where currency != .CNY {
            let (up, down) = compounded(events, currency: currency)
            let count = events.filter { $0.kind == .fxShock && $0.currency == currency }.count
            if up > maxFXShockFactor {
                return .init(field: "events", message: "the \(count) fx-shock events of \(currency.rawValue) compound to ×\(factorText(up)), above the ×\(limit) a scenario may move a currency; remove some of them or make their percent smaller")
            }
            if down < 1 / maxFXShockFactor {
                return .init(field: "events", message: "the \(count) fx-shock events of \(currency.rawValue) compound to ÷\(factorText(1 / down)), beyond the ÷\(limit) a scenario may move a currency; remove some of them or make their percent closer to 0")
            }
        }
        return nil
    }

    /// A factor for a message: two decimals, or "more than 1000000" beyond that (no float formatting by locale).
    static func factorText(_ value: Double) -> String {
        guard value.isFinite, value < 1_000_000 else { return "more than 1000000" }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
