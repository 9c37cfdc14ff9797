import ArgumentParser
import BorderLabCore

extension BorderLab {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "calibrate", 
            abstract: "Run the reference strategies for a year in every scenario and mode and print the calibration figures.",
            discussion: """
            Strategies (README, "Calibration"): \(CalibrationStrategy.allCases.map { "\($0.rawValue) — \($0.summary)" }.joined(separator: "; ")).
            Each row: conversion_rate (orders per visit), gross_margin_rate, net_margin_rate (net profit over sales and
            fees), customers_reached_share (customers with at least one order), net_profit_minor (home currency), and the
            net profit at day 90. Build with -c release: a debug build takes minutes.
            """)

        @Flag(help: "Print one JSON array instead of a table.")
        var json = false
        @Option(help: "The world seed.")
        var seed: UInt64 = 1
        @Option(help: "Customers per world (default: each scenario's own).")
        var customers: Int?
        @Option(help: "Days to simulate.")
        var days = 365

        func validate() throws {
            guard (1...World.maxDays).contains(days), customers.map({ (1...World.maxCustomers).contains($0) }) ?? true else {
                throw ValidationError("--days must be 1–\(World.maxDays) and --customers 1–\(World.maxCustomers).")
            }
        }

        func run() throws {
            let rows = try Calibration.runAll(seed: seed, customers: customers, days: days)
            if json { print(Terminal.json(rows)); return }
            let body = rows.map { r in
                [r.scenario, r.mode, r.strategy, Terminal.percent(r.conversionRate), Terminal.percent(r.grossMarginRate),
                 Terminal.percent(r.netMarginRate), Terminal.percent(r.customersReachedShare),
                 Terminal.money(Money(minor: r.netProfitMinor, Currency(rawValue: r.currency) ?? .CNY)),
                 Terminal.money(Money(minor: r.netProfitDay90Minor, Currency(rawValue: r.currency) ?? .CNY))]
            }
            print(Terminal.table(["SCENARIO", "MODE", "STRATEGY", "CONV", "GROSS", "NET", "REACHED", "NET PROFIT", "NET DAY 90"], body))
        }
    }
}
