import BorderLabCore
import Foundation

/// The student loop's sentences in English and Simplified Chinese, in one place so they can be reviewed and translated.
enum L {
    static func t(_ lang: Language, _ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

    static func passed(_ l: Language) -> String { t(l, "Done.", "已完成。") }
    static func unanswered(_ key: String, _ type: AnswerType, _ l: Language) -> String {
        switch type {
        case .sql: t(l, "No query recorded for '\(key)' yet: `borderlab answer \(key) --sql \"SELECT …\"`.",
                     "尚未提交“\(key)”的查询：`borderlab answer \(key) --sql \"SELECT …\"`。")
        case .memo: t(l, "No memo recorded for '\(key)' yet: write it in a Markdown file, then `borderlab answer \(key) --memo FILE.md`.",
                      "尚未提交“\(key)”的备忘录：写入 Markdown 文件后运行 `borderlab answer \(key) --memo FILE.md`。")
        default: t(l, "No answer for '\(key)' yet: `borderlab answer \(key) VALUE` (\(AnswerFormat.expected(type))).",
                   "尚未回答“\(key)”：`borderlab answer \(key) 值`（格式：\(AnswerFormat.expected(type))）。")
        }
    }
    static func badFormat(_ key: String, _ type: AnswerType, _ l: Language) -> String {
        t(l, "Your answer for '\(key)' is not in the expected format (\(AnswerFormat.expected(type))); it was not marked wrong, just not read.",
          "“\(key)”的答案格式不对（应为：\(AnswerFormat.expected(type))），未被判错，只是无法读取。")
    }
    static func wrongCurrency(_ key: String, _ currency: String, _ l: Language) -> String {
        t(l, "Give '\(key)' in \(currency), the shop's accounting currency.", "请以记账币种 \(currency) 填写“\(key)”。")
    }
    static func wrongChoice(_ key: String, _ l: Language) -> String {
        t(l, "Your choice for '\(key)' is not what the numbers of your world support. Compare the options again.",
          "“\(key)”的选择与你的世界中的数据不符，请重新比较各选项。")
    }
    static func wrongNumber(_ key: String, _ percentOff: Double?, _ l: Language) -> String {
        guard let p = percentOff.map({ max(-1e6, min(1e6, $0)) }), p.isFinite else {
            return t(l, "Your figure for '\(key)' does not match the engine's for your world.", "“\(key)”的数值与引擎为你的世界算出的不符。")
        }
        let size = abs(p) >= 10 ? "\(Int(abs(p).rounded()))%" : (abs(p) >= 1 ? "a few percent" : "slightly")
        let sizeZh = abs(p) >= 10 ? "\(Int(abs(p).rounded()))%" : (abs(p) >= 1 ? "几个百分点" : "略微")
        return p > 0
            ? t(l, "Your figure for '\(key)' is \(size) too high: check which costs you included.", "“\(key)”的数值偏高\(sizeZh)：检查你计入了哪些成本。")
            : t(l, "Your figure for '\(key)' is \(size) too low: a cost may be missing (freight, insurance, duty, FX spread).",
                "“\(key)”的数值偏低\(sizeZh)：可能漏算了某项成本（运费、保险、关税、汇兑差价）。")
    }
    static func cannotCompute(_ reason: String, _ l: Language) -> String {
        t(l, "This check cannot be computed on your world yet: \(reason).", "该检查暂时无法在你的世界上计算：\(reason)。")
    }
    static func actionMissing(_ kind: String, _ filters: [String: String], _ l: Language) -> String {
        let f = filters.keys.sorted().map { "\($0) \(filters[$0]!)" }.joined(separator: ", ")
        return t(l, "You have not yet made the `\(kind)` action this task needs\(f.isEmpty ? "" : " (\(f))").",
                 "你还没有执行本任务需要的 `\(kind)` 操作\(f.isEmpty ? "" : "（\(f)）")。")
    }
    static func actionTooFew(_ kind: String, _ filters: [String: String], _ count: Int, _ needed: Int, _ l: Language) -> String {
        let f = filters.keys.sorted().map { "\($0) \(filters[$0]!)" }.joined(separator: ", ")
        return t(l, "You have made \(count) of the \(needed) `\(kind)` actions this task needs\(f.isEmpty ? "" : " (\(f))").",
                 "本任务需要 \(needed) 次 `\(kind)` 操作\(f.isEmpty ? "" : "（\(f)）")，你已执行 \(count) 次。")
    }
    static func actionForbidden(_ kind: String, _ l: Language) -> String {
        t(l, "You made a `\(kind)` action this task asks you to avoid; `borderlab reset` starts again.",
          "你执行了本任务要求避免的 `\(kind)` 操作；可用 `borderlab reset` 重新开始。")
    }
    static func notThereYet(_ day: Int, _ now: Int, _ l: Language) -> String {
        t(l, "The world is at day \(now); this goal is measured from day \(day) (`borderlab advance --days N`).",
          "世界目前在第 \(now) 天；该目标从第 \(day) 天起衡量（`borderlab advance --days N`）。")
    }
    static func metricLow(_ key: String, _ value: Double, _ low: Double, _ l: Language) -> String {
        t(l, "\(key) is \(fmt(value)); the goal is at least \(fmt(low)).", "\(key) 当前为 \(fmt(value))；目标是至少 \(fmt(low))。")
    }
    static func metricHigh(_ key: String, _ value: Double, _ high: Double, _ l: Language) -> String {
        t(l, "\(key) is \(fmt(value)); the goal is at most \(fmt(high)).", "\(key) 当前为 \(fmt(value))；目标是不超过 \(fmt(high))。")
    }
    static func memoMissing(_ missing: [String], words: Int, minimum: Int, _ l: Language) -> String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append(t(l, "Your memo does not yet discuss: \(missing.joined(separator: ", ")).", "你的备忘录尚未讨论：\(missing.joined(separator: "、"))。")) }
        if words < minimum { parts.append(t(l, "It has \(words) words; write at least \(minimum).", "目前 \(words) 字（词），至少需要 \(minimum)。")) }
        return parts.joined(separator: " ")
    }
    static func scorecard(_ fraction: Double, _ passAt: Double, _ weakest: String, _ l: Language) -> String {
        t(l, "Scorecard \(Int((fraction * 100).rounded()))% (pass at \(Int((passAt * 100).rounded()))%); the weakest measure is \(weakest).",
          "平衡计分卡 \(Int((fraction * 100).rounded()))%（及格线 \(Int((passAt * 100).rounded()))%）；最弱的指标是 \(weakest)。")
    }
    static func sqlError(_ reason: String, _ l: Language) -> String {
        t(l, "Your query did not run: \(reason)", "你的查询无法运行：\(reason)")
    }
    static func sqlColumns(_ got: Int, _ want: Int, _ l: Language) -> String {
        t(l, "Your query returns \(got) column\(got == 1 ? "" : "s"); the task asks for \(want).", "你的查询返回 \(got) 列；任务要求 \(want) 列。")
    }
    static func sqlRows(_ got: Int, _ want: Int, _ l: Language) -> String {
        t(l, "Your query returns \(got) row\(got == 1 ? "" : "s"), not the number the task's question has on your world: check your filters and GROUP BY.",
          "你的查询返回 \(got) 行，与任务问题在你的世界中的行数不同：检查筛选条件和 GROUP BY。")
    }
    static func sqlValues(_ l: Language) -> String {
        t(l, "Your query returns the right shape but different values: check the joins, the filters and what you sum.",
          "查询结果的形状正确但数值不同：检查连接、筛选条件以及求和的字段。")
    }

    static func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.4g", x)
    }
}
