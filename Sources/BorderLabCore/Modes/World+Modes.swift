/// What the modes other than self-operated B2C keep: supply agreements, B2B platform members and trades, clicks.
public struct ModeBook: Sendable {
    public init() {}
}

extension World {
    /// Daily work of the mode: platform members join and trade, bought traffic, payouts to suppliers.
    mutating func modeDay() {}

    /// Instructor events of the scenario file that fall due today.
    mutating func applyScheduledEvents() {}

    /// `set`: one shop setting.
    mutating func applySetting(key: String, value: String) throws(EngineError) {
        try settings.set(key, value, scenario: scenario)
    }

    /// `sign-supplier`: a supply agreement (direct-delivery platform).
    mutating func signSupplier(_ id: String) throws(EngineError) {
        throw .notInMode(action: "sign supply agreements", mode: mode.rawValue, fix: "Only a direct-delivery platform signs them.")
    }

    /// Extra choice utility of a listing from the shop's mode (a vertical shop's specialist trust).
    func modeChoiceBonus(listing: Int) -> Double { 0 }
}
