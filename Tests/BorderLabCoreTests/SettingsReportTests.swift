@testable import BorderLabCore
import Testing

/// `shop settings` shows each mode the settings it uses; the text lives in the library (issue 8, §6).
@Suite struct SettingsReportTests {
    static func world(_ mode: ShopMode, _ scenario: Scenario = .cnImport) throws -> World {
        try World(header: WorldHeader(seed: 1, scenario: scenario, mode: mode.rawValue, customers: 100))
    }

    /// The rows every shop has, after its mode's own, at their defaults (FX converted automatically, the rest off).
    static let common: [SettingsReport.Row] = [
        .init("risk.verify_above", .money(nil)), .init("risk.verify_score_above", .number(nil)),
        .init("fx.auto_convert", .flag(true)), .init("alerts.cash_below", .money(nil)), .init("customs.policy", .word("off")),
    ]

    @Test func eachModeShowsOnlyTheSettingsItUses() throws {
        // Defaults: service fee 10%, commission 12% (a B2B platform starts at 3%), rebate share 50%, FX auto-converted.
        let expected: [(ShopMode, [SettingsReport.Row])] = [
            (.daigou, [.init("daigou.service_fee", .percent(1_000)), .init("daigou.circle_of_friends", .flag(false)),
                       .init("marketing.daily_budget", .money(nil))]),
            (.directDelivery, [.init("platform.commission", .percent(1_200))]),
            (.b2bPlatform, [.init("platform.commission", .percent(300)), .init("platform.registration_fee", .money(nil))]),
            (.rebate, [.init("rebate.share", .percent(5_000)), .init("rebate.ad_budget", .money(nil))]),
            (.b2cComprehensive, [.init("marketing.daily_budget", .money(nil))]),
            (.b2cVertical, [.init("marketing.daily_budget", .money(nil))]),
        ]
        for (mode, own) in expected {
            let scenario: Scenario = mode == .b2bPlatform ? .globalExport : .cnImport
            let report = try Self.world(mode, scenario).settingsReport()
            #expect(report.rows == own + Self.common, "\(mode.rawValue)")
            #expect(report.modeLine == "Mode: \(mode.rawValue) — \(mode.summary(in: scenario))")
            #expect(report.agreementsLine == nil)
        }
    }

    @Test func changedSettingsAndTheVerticalCategoryAndAgreementsShow() throws {
        var vertical = try Self.world(.b2cVertical)
        try vertical.apply(.list(sku: "JP-COS-01", price: Money(major: 200, .CNY)))
        try vertical.apply(.set(key: "marketing.daily_budget", value: "1234.5 CNY"))
        try vertical.apply(.set(key: "customs.policy", value: "release"))
        let rows = vertical.settingsReport().rows
        #expect(Array(rows.prefix(2)) == [.init("vertical category", .word("cosmetics")),
                                          .init("marketing.daily_budget", .money(Money(minor: 1_234_50, .CNY)))])
        #expect(rows.last == .init("customs.policy", .word("release")))
        // Text: money as the front end writes it, percentages with two decimals.
        #expect(rows[1].value.text() == "1234.50 CNY")
        #expect(rows[1].value.text(money: { "¤\($0.minor)" }) == "¤123450")
        #expect(SettingValue.percent(1_250).text() == "12.50%")
        #expect(SettingValue.percent(805).text() == "8.05%")
        #expect(SettingValue.number(nil).text() == "off")

        var platform = try Self.world(.directDelivery)
        try platform.apply(.signSupplier(id: "jp-kyoto-beauty"))
        #expect(platform.settingsReport().agreementsLine == "Supply agreements: jp-kyoto-beauty (day 0)")
    }

    @Test func aNewListingSaysWhatHappensNextInTheModesWords() {
        #expect(ShopMode.b2cVertical.listingNote(onHand: 0) == " It has no stock yet: customers see it once stock arrives.")
        #expect(ShopMode.b2cVertical.listingNote(onHand: 5) == "")
        #expect(ShopMode.daigou.listingNote(onHand: 0).contains("you buy it abroad after each order"))
    }
}
