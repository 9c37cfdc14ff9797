import BorderLabCore
import Foundation

/// The numbers of `status --json` by dotted path (`profit_and_loss.net_profit_minor`, `service_kpis.sla_breaches`,
/// `revenue` = `revenue.minor`), so a metric check names exactly what a student can print.
public enum MetricKeys {
    /// Every numeric key of the status report, flattened.
    public static func values(_ world: World) -> [String: Double] {
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(world.statusReport()),
              let object = try? JSONSerialization.jsonObject(with: data) else { return [:] }
        var out: [String: Double] = [:]
        flatten(object, prefix: "", into: &out)
        out["listings_below_cost"] = Double(listingsBelowCost(world).count)
        out["fake_suppliers_found"] = Double(world.serviceBook.supplierChecks.filter { !$0.genuine }.count)
        return out
    }

    /// Active listings priced below the cost of serving one unit (`shop add` warns about each): a derived key, so that
    /// "no listing loses money on every order" is a metric like any other.
    public static func listingsBelowCost(_ world: World) -> [String] {
        world.listings.filter { listing in
            guard listing.active, let cost = world.unitCostToServe(sku: listing.sku), cost.total.currency == listing.price.currency else { return false }
            return listing.price < cost.total
        }.map(\.sku).sorted()
    }

    static func flatten(_ value: Any, prefix: String, into out: inout [String: Double]) {
        if let dict = value as? [String: Any] {
            for (k, v) in dict { flatten(v, prefix: prefix.isEmpty ? k : prefix + "." + k, into: &out) }
            // A money object reads as its minor units under its own name.
            if let minor = dict["minor"] as? NSNumber, dict["currency"] != nil { out[prefix] = minor.doubleValue }
        } else if let array = value as? [Any] {
            for (i, v) in array.enumerated() { flatten(v, prefix: "\(prefix).\(i)", into: &out) }
        } else if let number = value as? NSNumber, !(value is String) {
            out[prefix] = number.doubleValue
        }
    }

    /// Keys of a day-0 world plus the ones absent until something happened (delivery and rating averages).
    static let known: Set<String> = {
        var keys: Set<String> = ["on_time_rate", "average_delivery_days", "average_rating", "listings_below_cost", "fake_suppliers_found"]
        for scenario in Scenario.all {
            let header = WorldHeader(seed: 1, scenario: scenario, customers: 1)
            if let world = try? World(header: header) { keys.formUnion(values(world).keys) }
        }
        return keys
    }()

    public static func isKnown(_ key: String) -> Bool { known.contains(key) }
}
