import Foundation

/// A class of submissions with known copies, for measuring the similarity check (tests, `bench grade`) and for
/// instructors to see what it catches. Independent students solve three SQL tasks, write a memo and act in the
/// sandbox, each in their own way, drawn from the many ways real students phrase the same solution; copiers take
/// another student's work and disguise it: renamed aliases, changed case and spacing, added comments, reordered
/// independent lines and sentences, their own variant's numbers, a few words swapped for synonyms.
public struct PlantedCorpus: Sendable {
    public let submissions: [SimilarityCheck.Submission]
    /// The copied pairs (ids sorted within a pair): the ground truth.
    public let copiedPairs: Set<[String]>
    /// The reference solution, as excluded material.
    public let reference: [SimilarityCheck.Part]

    /// The schema names the SQL tasks use.
    public static let schemaNames: Set<String> = [
        "orders", "customers", "order_lines", "products", "payments", "refunds", "returns", "country", "goods_minor",
        "tax_minor", "freight_minor", "day", "customer", "sku", "quantity", "category", "id", "status", "amount_minor",
        "segment", "fee_minor", "returns", "order_id",
    ]

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            return Winnowing.mix(state)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ values: [T]) -> T { values[int(values.count)] }
        mutating func shuffled<T>(_ values: [T]) -> [T] {
            var v = values
            if v.count > 1 { for i in stride(from: v.count - 1, to: 0, by: -1) { v.swapAt(i, int(i + 1)) } }
            return v
        }
    }

    static let aliases = ["o", "ord", "x", "t", "a", "orders_t", "od", "r", "q", "s"]
    static let totalNames = ["total", "revenue", "sales", "gmv", "sum_goods", "value", "amt", "turnover", "tot"]

    static func sqlTask1(_ g: inout Generator) -> String {
        // Revenue by country.
        let alias = g.pick(aliases), total = g.pick(totalNames)
        let sumExpr = g.pick(["SUM(\(alias).goods_minor)", "SUM(\(alias).goods_minor) / 100.0", "ROUND(SUM(\(alias).goods_minor) / 100.0, 2)",
                              "SUM(\(alias).goods_minor + \(alias).tax_minor)", "TOTAL(\(alias).goods_minor)"])
        let filter = g.pick(["", " WHERE \(alias).status <> 'refunded'", " WHERE \(alias).status = 'delivered'", ""])
        let order = g.pick(["", " ORDER BY \(total) DESC", " ORDER BY 2 DESC", " ORDER BY \(alias).country"])
        let count = g.chance(0.4) ? ", COUNT(*) AS n" : ""
        return "SELECT \(alias).country, \(sumExpr) AS \(total)\(count) FROM orders \(alias)\(filter) GROUP BY \(alias).country\(order)"
    }

    static func sqlTask2(_ g: inout Generator) -> String {
        // Repeat customers.
        let alias = g.pick(aliases), n = g.pick(["n", "cnt", "orders_count", "k", "num"])
        switch g.int(3) {
        case 0:
            return "SELECT COUNT(*) FROM (SELECT \(alias).customer, COUNT(*) AS \(n) FROM orders \(alias) GROUP BY \(alias).customer HAVING COUNT(*) >= 2)"
        case 1:
            return "WITH c AS (SELECT customer, COUNT(*) AS \(n) FROM orders GROUP BY customer) SELECT COUNT(*) FROM c WHERE \(n) > 1"
        default:
            return "SELECT COUNT(DISTINCT customer) FROM orders \(alias) WHERE (SELECT COUNT(*) FROM orders o2 WHERE o2.customer = \(alias).customer) > 1"
        }
    }

    static func sqlTask3(_ g: inout Generator) -> String {
        // Margin by category with a join.
        let o = g.pick(aliases), p = g.pick(["p", "pr", "prod", "b", "c"])
        let margin = g.pick(["SUM(\(o).goods_minor - \(o).freight_minor)", "SUM(\(o).goods_minor) - SUM(\(o).freight_minor)",
                             "ROUND(100.0 * SUM(\(o).goods_minor - \(o).freight_minor) / SUM(\(o).goods_minor), 1)"])
        let join = g.pick(["JOIN products \(p) ON \(p).id = \(o).sku", "INNER JOIN products \(p) ON \(o).sku = \(p).id",
                           "LEFT JOIN products \(p) ON \(p).id = \(o).sku"])
        let extra = g.pick(["", ", COUNT(*) AS orders_n", ", SUM(\(o).quantity) AS units"])
        let having = g.pick(["", " HAVING COUNT(*) > 5", ""])
        return "SELECT \(p).category, \(margin) AS margin\(extra) FROM orders \(o) \(join) GROUP BY \(p).category\(having) ORDER BY margin DESC"
    }

    /// Ideas a memo on choosing 1210 over 9610 can make, each in several phrasings whose `{a|b|c}` slots every student
    /// fills in their own way: independent students make the same points, rarely in the same words.
    static let memoIdeas: [[String]] = [
        ["{Bonded|Bonded-zone|1210} {stock|inventory|goods} {ships|is delivered|arrives} {faster|sooner|more quickly} {because|since|as} the {goods|products|items} {already cleared|have cleared|went through} {the border|customs|the border checks} in {bulk|one batch|a single shipment}.",
         "With 1210 {the parcel|each order|the package} {leaves|ships from|goes out of} the bonded {zone|warehouse|area} {inside|in|within} China, so {delivery|shipping|the delivery} takes {two or three|2-3|a couple of} days.",
         "{Customers|Buyers|Shoppers} {get|receive} their {order|parcel|goods} {sooner|faster|earlier} when it {ships|leaves|is sent} from the bonded {warehouse|zone|stock}."],
        ["The {landed|total|all-in} cost per {unit|item|piece} is {lower|smaller|less} by {sea|ocean freight|sea freight} into the bonded {zone|warehouse} than by {air parcel|air mail|express parcel}.",
         "{Sea|Ocean|Bulk sea} freight {in bulk|for a container|for a pallet} costs {a fraction|much less than|far below} {of what|what} each 9610 {parcel|package|shipment} costs.",
         "Per {unit|item|piece}, the {freight|shipping|transport} of a {bulk|large|combined} shipment is {much|far|a lot} cheaper than {direct mail|9610 parcels|sending parcels}."],
        ["{But|However|On the other hand} we {tie up|lock|freeze} {capital|cash|money} in {stock|inventory|goods} before we {sell|have sold} {anything|a single unit|one item}.",
         "The {downside|drawback|cost} is the {cash|capital|money} {locked|tied up|stuck} in {inventory|stock} for {weeks|a month or more|many weeks}.",
         "Buying in {bulk|volume|large batches} means paying the {supplier|vendor|factory} {long|weeks|well} before the {customer|buyer|shopper} pays us."],
        ["{Storage|Warehouse|Bonded storage} fees {grow|rise|increase} with the {age|time in storage|days} of the stock, so {slow sellers|slow-moving products|slow items} should not go bonded.",
         "{Old|Aged|Ageing} stock pays {higher|more expensive|steeper} storage tiers, which {eats|reduces|cuts} the margin of {slow|slow-selling|weak} products.",
         "{Products|Items|SKUs} that sell {slowly|slow|poorly} cost more in {warehouse|storage} fees than they save in {freight|shipping}."],
        ["For a new {product|item|SKU} with {unknown|uncertain|untested} demand, 9610 lets us {test|try|experiment} with {small|few|limited} quantities.",
         "{Direct mail|9610|Sending parcels} is {better|safer|the right choice} while we do not know {whether|if} a {product|item} will sell.",
         "{Testing|Checking|Trying} demand first with {parcels|9610|direct mail} avoids {buying|holding|importing} stock that {nobody|no one|few people} {wants|buy|need}."],
        ["The CBEC tax is the same {70 percent|70%|seventy percent} of VAT either way, so {tax|the tax} does not {decide|determine|settle} the {route|choice|channel}.",
         "Both {routes|customs modes|channels} pay the same cross-border {retail|e-commerce} tax, so the {difference|gap} is in {freight|shipping} and {time|speed}.",
         "Tax is not the {deciding|key|main} factor because both {customs modes|routes} use the same CBEC {rates|tax rates}."],
        ["Our {best sellers|top products|fast movers} should {move|go|be shipped} to 1210 and the {long tail|rest|slow ones} {stay|remain|keep going} on 9610.",
         "I {recommend|suggest|propose} bonded stock for the {top|best-selling|leading} products and {parcels|direct mail} for the {rest|others}.",
         "{Split|Divide|Separate} the {assortment|catalogue|range}: {fast movers|best sellers} bonded, {slow movers|the long tail} by {direct mail|parcel}."],
        ["Three-document matching {fails|breaks|goes wrong} less often for bonded {parcels|orders}, so {fewer|less} {holds|customs holds|delays}.",
         "Customs holds are {rarer|less frequent|less common} from the bonded zone than for {postal|ePacket|mail} parcels.",
         "Bonded orders are {held|stopped|delayed} by customs less often than {ePacket|postal|direct-mail} parcels."],
        ["The break-even {volume|quantity|point} is where the {saved|lower} freight covers the storage and {capital|financing} cost.",
         "Bulk pays off once enough {units|items} {sell|are sold} to cover {warehouse|storage} fees and the {money|capital} tied up.",
         "Above a certain {monthly|weekly} volume the bonded route is {cheaper|less costly|more economical} overall."],
    ]

    /// Fills each `{a|b|c}` slot of a phrasing with one of its choices.
    static func expand(_ template: String, _ g: inout Generator) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let choices = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            out += g.pick(choices)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static let zhMemoIdeas: [[String]] = [
        ["{保税仓|保税区|1210模式}{发货|配送|出货}{更快|更迅速}，{因为|由于}{货物|商品}已经{批量|整批|集中}{清关|通关}。",
         "1210模式下{包裹|订单}从{国内|境内}保税{区|仓}{发出|发货}，{两三天|2到3天|几天内}就能{送达|到货|收到}。"],
        ["{海运|海路运输}进保税区的{单件|每件}{到岸成本|综合成本|落地成本}比{空运小包|航空直邮|快递小包}{低|便宜|更低}。",
         "{批量|整柜|大批}海运的{运费|物流费用}只是9610{小包|包裹|直邮}的{一小部分|零头|很少一部分}。"],
        ["{但是|不过|然而}在{卖出|销售}之前就要{占用|压着|投入}{资金|现金}{备货|囤货|进货}。",
         "{缺点|问题|代价}是{库存|备货}会{占用|压住|锁定}{几周|一个多月|好几周}的{现金|资金}。"],
        ["{库龄|存放时间}越长{仓储费|仓库费用}越高，{滞销|慢销|卖得慢的}商品不适合{保税备货|进保税仓}。",
         "{慢销|滞销}商品的{仓储费|仓库费}会{吃掉|侵蚀|降低}{利润|毛利}。"],
        ["{建议|我建议|应该}{畅销品|爆款|热销商品}走1210，{长尾商品|其他商品|慢销品}{继续|仍然}走9610。",
         "{爆款|畅销品}进保税仓，{其余|剩下的|其他}商品{直邮|走9610}。"],
    ]

    static let synonyms: [(String, String)] = [
        ("cheaper", "less expensive"), ("faster", "quicker"), ("stock", "inventory"), ("products", "items"),
        ("because", "since"), ("customers", "buyers"), ("recommend", "suggest"), ("sell", "move"),
    ]

    static func memo(_ g: inout Generator, chinese: Bool) -> [String] {
        let bank = chinese ? zhMemoIdeas : memoIdeas
        let count = chinese ? 3 + g.int(3) : 4 + g.int(4)
        let ideas = g.shuffled(Array(bank.indices)).prefix(count)
        var sentences = ideas.map { expand(g.pick(bank[$0]), &g) }
        sentences.append(chinese ? "我们的单件成本约为\(20 + g.int(60))元。" : "Our unit cost comes to about \(20 + g.int(60)).\(g.int(99)) CNY.")
        return sentences
    }

    static func actions(_ g: inout Generator) -> [String] {
        let skus = g.shuffled(["JP-COS-01", "JP-COS-02", "KR-COS-01", "DE-SUP-01", "AU-FOR-01", "US-ELE-01", "FR-COS-03"])
        var lines: [String] = []
        for sku in skus.prefix(2 + g.int(4)) {
            let channel = g.pick(["sea-freight", "air-freight", "epacket", "postal"])
            let customs = channel.hasSuffix("freight") ? "1210" : "9610"
            lines.append("buy \(sku) \(g.pick([50, 100, 120, 150, 200, 300, 500])) \(channel) \(customs)")
            lines.append("list \(sku) \(69 + g.int(200)).00 CNY")
        }
        for _ in 0..<(2 + g.int(4)) { lines.append("advance \(g.pick([7, 10, 14, 30]))") }
        if g.chance(0.5) { lines.insert("set marketing.daily_budget \(g.pick([50, 100, 200])).00 CNY", at: g.int(lines.count)) }
        if g.chance(0.4) { lines.append("tickets policy where-is-my-parcel explain") }
        return lines
    }

    /// A copy of `text` disguised as a student would disguise it.
    static func disguiseSQL(_ sql: String, _ g: inout Generator) -> String {
        var out = sql
        // Rename the aliases and output names.
        for alias in aliases where out.contains(" \(alias).") || out.contains(" \(alias) ") {
            let renamed = g.pick(["aa", "src", "tbl", "zz", "m", "main_t"])
            out = out.replacingWords(alias, with: renamed)
        }
        for name in totalNames where out.contains(name) { out = out.replacingWords(name, with: g.pick(["income", "money", "totals"])) }
        // Case and spacing, a comment.
        out = g.chance(0.5) ? out.lowercased() : out
        out = out.replacingOccurrences(of: " FROM ", with: "\nFROM ").replacingOccurrences(of: " from ", with: "\n  from ")
        out = out.replacingOccurrences(of: " GROUP BY ", with: "\nGROUP  BY ")
        if g.chance(0.7) { out = "-- my query for this task\n" + out + ";" }
        return out
    }

    static func disguiseMemo(_ sentences: [String], _ g: inout Generator, chinese: Bool) -> String {
        var s = g.shuffled(Array(sentences.dropLast()))
        s.append(chinese ? "我的单件成本是\(20 + g.int(60))元左右。" : "My own unit cost is \(20 + g.int(60)).\(g.int(99)) CNY.")
        var text = s.joined(separator: g.pick([" ", "\n", "\n\n"]))
        for (word, other) in synonyms where g.chance(0.4) { text = text.replacingWords(word, with: other) }
        return text
    }

    static func disguiseActions(_ lines: [String], _ g: inout Generator) -> [String] {
        var out = lines
        // Swap two independent neighbouring advances or move the marketing setting: reordering lines that commute.
        if out.count > 3 { let i = g.int(out.count - 1); out.swapAt(i, i + 1) }
        return out
    }

    /// A class of `students` submissions of which about `copyShare` are disguised copies of another's work.
    public init(students: Int, copyShare: Double = 0.15, seed: UInt64 = 1) {
        var g = Generator(state: seed)
        var subs: [SimilarityCheck.Submission] = []
        var memos: [[String]] = []
        var chineseOf: [Bool] = []
        var actionLines: [[String]] = []
        var copied = Set<[String]>()
        var sourceOf: [Int?] = []
        for i in 0..<students {
            let id = "s\(String(i + 1).leftPadded(4))"
            if i >= 4, g.chance(copyShare) {
                // Copy from a non-copier, or from another copier of the same source (a chain shares the source).
                let source = g.int(i)
                let root = sourceOf[source] ?? source
                let rootSub = subs[root]
                let chinese = chineseOf[root]
                let parts = rootSub.parts.map { part -> SimilarityCheck.Part in
                    switch part.kind {
                    case .sql: return .init(kind: .sql, key: part.key, text: PlantedCorpus.disguiseSQL(part.text, &g))
                    case .memo: return .init(kind: .memo, key: part.key, text: PlantedCorpus.disguiseMemo(memos[root], &g, chinese: chinese))
                    case .actions: return .init(kind: .actions, key: part.key, text: PlantedCorpus.disguiseActions(actionLines[root], &g).joined(separator: "\n"))
                    }
                }
                subs.append(.init(id: id, student: id, parts: parts))
                memos.append(memos[root]); chineseOf.append(chinese); actionLines.append(actionLines[root])
                for (j, other) in sourceOf.enumerated() where j == root || other == root { copied.insert([subs[j].id, id].sorted()) }
                sourceOf.append(root)
                continue
            }
            let chinese = g.chance(0.25)
            let memo = PlantedCorpus.memo(&g, chinese: chinese)
            let acts = PlantedCorpus.actions(&g)
            subs.append(.init(id: id, student: id, parts: [
                .init(kind: .sql, key: "q1", text: PlantedCorpus.sqlTask1(&g)),
                .init(kind: .sql, key: "q2", text: PlantedCorpus.sqlTask2(&g)),
                .init(kind: .sql, key: "q3", text: PlantedCorpus.sqlTask3(&g)),
                .init(kind: .memo, key: "memo", text: memo.joined(separator: " ")),
                .init(kind: .actions, key: "log", text: acts.joined(separator: "\n")),
            ]))
            memos.append(memo); chineseOf.append(chinese); actionLines.append(acts)
            sourceOf.append(nil)
        }
        submissions = subs
        copiedPairs = copied
        reference = [
            .init(kind: .sql, key: "q1", text: "SELECT o.country, SUM(o.goods_minor) AS total FROM orders o GROUP BY o.country ORDER BY total DESC"),
            .init(kind: .sql, key: "q2", text: "SELECT COUNT(*) FROM (SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer HAVING COUNT(*) >= 2)"),
            .init(kind: .sql, key: "q3", text: "SELECT p.category, SUM(o.goods_minor - o.freight_minor) AS margin FROM orders o JOIN products p ON p.id = o.sku GROUP BY p.category ORDER BY margin DESC"),
        ]
    }

    /// Precision and recall of a result against the planted pairs.
    public func score(_ result: SimilarityCheck.Result) -> (precision: Double, recall: Double, truePositives: Int, falsePositives: Int, missed: Int) {
        let found = Set(result.pairs.map { [$0.first, $0.second].sorted() })
        let tp = found.intersection(copiedPairs).count
        let fp = found.count - tp
        let fn = copiedPairs.count - tp
        return (found.isEmpty ? 1 : Double(tp) / Double(found.count), copiedPairs.isEmpty ? 1 : Double(tp) / Double(copiedPairs.count), tp, fp, fn)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }

    /// Replaces whole words only (bounded by anything but letters, digits and `_`).
    func replacingWords(_ word: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars), target = Array(word.unicodeScalars)
        func isWord(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if i + target.count <= scalars.count, Array(scalars[i..<(i + target.count)]) == target,
               i == 0 || !isWord(scalars[i - 1]), i + target.count == scalars.count || !isWord(scalars[i + target.count]) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += target.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
