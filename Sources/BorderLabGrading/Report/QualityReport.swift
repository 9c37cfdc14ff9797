/// The instructor's quality report on one graded exercise: the work (scores), the teaching (item statistics, what the
/// class has not learned yet, trends) and integrity (flags, similar pairs with their passages) — the paper's
/// quality-monitoring system for practical teaching, as one self-contained HTML file.
public struct QualityReport: Sendable {
    /// A check of the exercise, as the item analysis sees it.
    public struct CheckInfo: Sendable {
        public let id: String
        public let competency: String
        public let paperSection: String
        public let maxPoints: Double
        public init(id: String, competency: String, paperSection: String, maxPoints: Double) {
            self.id = id
            self.competency = competency
            self.paperSection = paperSection
            self.maxPoints = maxPoints
        }
    }

    /// An integrity or late flag with its reason and the policy applied (zero, review or note).
    public struct Flag: Sendable {
        public let student: String
        public let kind: String
        public let policy: String
        public let reason: String
        public init(student: String, kind: String, policy: String, reason: String) {
            self.student = student
            self.kind = kind
            self.policy = policy
            self.reason = reason
        }
    }

    /// The share of points earned per competency or paper section in an earlier run of the same course.
    public struct EarlierRun: Sendable {
        public let label: String
        public let shareByCompetency: [String: Double]
        public init(label: String, shareByCompetency: [String: Double]) {
            self.label = label
            self.shareByCompetency = shareByCompetency
        }
    }

    public var title: String
    /// When the run was made, as text (wall-clock time of the grader, never of the engine).
    public var generated: String
    public var checks: [CheckInfo]
    /// Graded submissions only: student id and points per check, aligned with `checks`.
    public var graded: [(student: String, points: [Double])]
    public var records: [GradeRecord]
    public var flags: [Flag]
    public var similarity: SimilarityCheck.Result?
    public var earlier: [EarlierRun]

    public init(title: String, generated: String, checks: [CheckInfo], graded: [(student: String, points: [Double])],
                records: [GradeRecord], flags: [Flag] = [], similarity: SimilarityCheck.Result? = nil, earlier: [EarlierRun] = []) {
        self.title = title
        self.generated = generated
        self.checks = checks
        self.graded = graded
        self.records = records
        self.flags = flags
        self.similarity = similarity
        self.earlier = earlier
    }

    public var analysis: ItemAnalysis {
        ItemAnalysis(itemIDs: checks.map(\.id), maxima: checks.map(\.maxPoints), scores: graded.map(\.points))
    }

    /// Share of the possible points the class earned per group (competency or paper section), sorted weakest first.
    public func shares(by group: (CheckInfo) -> String) -> [(label: String, value: Double)] {
        var earned: [String: Double] = [:], possible: [String: Double] = [:]
        for (j, check) in checks.enumerated() {
            let key = group(check)
            possible[key, default: 0] += check.maxPoints * Double(graded.count)
            earned[key, default: 0] += graded.reduce(0) { $0 + $1.points[j] }
        }
        return possible.keys.sorted().map { ($0, possible[$0]! > 0 ? earned[$0]! / possible[$0]! : 0) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }

    /// The report as one HTML file: inline CSS and SVG, no scripts, nothing loaded from elsewhere.
    public func html() -> String {
        let a = analysis
        let totals = graded.map { $0.points.reduce(0, +) }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title)) — quality report</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{border-bottom:2px solid #3b6ea5;padding-bottom:.2em;margin-top:2em}
        table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#eef3f8}.flag{color:#a00;font-weight:600}.muted{color:#777}.warn{background:#fff4e0;padding:.6em;border-left:4px solid #e67e22}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:.6em}.pair pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;margin:0;font-size:.85em}
        .kpi{display:inline-block;margin:0 1.5em .5em 0}.kpi b{font-size:1.4em;display:block}
        </style></head><body>
        <h1>\(HTML.escape(title))</h1>
        <p class="muted">Quality report generated \(HTML.escape(generated)).</p>

        """
        let graded = records.filter { $0.status == .graded }.count
        let rejected = records.filter { $0.status == .rejected }.count
        let superseded = records.filter { $0.status == .superseded }.count
        let mean = totals.isEmpty ? 0 : totals.reduce(0, +) / Double(totals.count)
        h += "<section><h2>The work</h2>"
        h += "<div class=\"kpi\"><b>\(graded)</b>graded</div><div class=\"kpi\"><b>\(rejected)</b>rejected</div>"
        h += "<div class=\"kpi\"><b>\(superseded)</b>superseded</div>"
        h += "<div class=\"kpi\"><b>\(HTML.fixed(mean, 1)) / \(HTML.fixed(a.maxTotal, 1))</b>mean score</div>"
        h += SVGChart.histogram(totals, max: a.maxTotal)
        h += "</section>"

        h += "<section><h2>The teaching: checks</h2>"
        if !a.reliable {
            h += "<p class=\"warn\">Only \(a.students) graded submissions: item statistics below \(ItemAnalysis.minimumStudents) are unreliable; read them as hints, not findings.</p>"
        }
        h += "<p>Cronbach's α: <b>\(a.cronbachAlpha.map { HTML.fixed($0) } ?? "n/a")</b>; standard error of measurement: <b>\(a.standardErrorOfMeasurement.map { HTML.fixed($0) } ?? "n/a")</b> points.</p>"
        h += "<table><tr><th>check</th><th>competency</th><th>paper section</th><th>difficulty p</th><th>discrimination D (27%)</th><th>corrected r<sub>pb</sub></th><th>flags</th></tr>"
        for (j, item) in a.items.enumerated() {
            h += "<tr><td>\(HTML.escape(item.id))</td><td>\(HTML.escape(checks[j].competency))</td><td>\(HTML.escape(checks[j].paperSection))</td>"
            h += "<td>\(HTML.fixed(item.difficulty))</td><td>\(HTML.fixed(item.discrimination))</td><td>\(item.pointBiserial.map { HTML.fixed($0) } ?? "—")</td>"
            h += "<td class=\"flag\">\(item.flags.map(\.rawValue).joined(separator: ", "))</td></tr>"
        }
        h += "</table>"
        h += "<h3>What the class has not learned yet</h3><p>Share of the possible points earned, weakest first.</p>"
        h += "<h4>By competency</h4>" + SVGChart.bars(shares { $0.competency })
        h += "<h4>By paper section</h4>" + SVGChart.bars(shares { $0.paperSection })
        if !earlier.isEmpty {
            let now = Dictionary(uniqueKeysWithValues: shares { $0.competency }.map { ($0.label, $0.value) })
            h += "<h4>Trend against earlier runs</h4><table><tr><th>competency</th>"
            for run in earlier { h += "<th>\(HTML.escape(run.label))</th>" }
            h += "<th>now</th></tr>"
            for key in now.keys.sorted() {
                h += "<tr><td>\(HTML.escape(key))</td>"
                for run in earlier { h += "<td>\(run.shareByCompetency[key].map(HTML.percent) ?? "—")</td>" }
                h += "<td>\(HTML.percent(now[key]!))</td></tr>"
            }
            h += "</table>"
        }
        h += "</section>"

        h += "<section><h2>Integrity</h2>"
        if flags.isEmpty {
            h += "<p>No integrity or late flags.</p>"
        } else {
            h += "<table><tr><th>student</th><th>flag</th><th>policy</th><th>reason</th></tr>"
            for f in flags.sorted(by: { ($0.student, $0.kind) < ($1.student, $1.kind) }) {
                h += "<tr><td>\(HTML.escape(f.student))</td><td class=\"flag\">\(HTML.escape(f.kind))</td><td>\(HTML.escape(f.policy))</td><td>\(HTML.escape(f.reason))</td></tr>"
            }
            h += "</table>"
        }
        let rejectedRecords = records.filter { $0.status == .rejected }
        if !rejectedRecords.isEmpty {
            h += "<h3>Rejected submissions</h3><table><tr><th>source</th><th>student</th><th>reason</th></tr>"
            for r in rejectedRecords {
                h += "<tr><td>\(HTML.escape(r.source))</td><td>\(HTML.escape(r.student.studentID))</td><td>\(HTML.escape(r.reason))</td></tr>"
            }
            h += "</table>"
        }
        if let similarity {
            h += "<h3>Similar work</h3>"
            h += "<p>Winnowing fingerprints of SQL answers, memos and actions, with the starter material and the reference solution excluded and passages most of the class shares ignored. A pair is a place to look, not a verdict.</p>"
            if similarity.pairs.isEmpty { h += "<p>No pair above the threshold.</p>" }
            if !similarity.clusters.isEmpty {
                h += "<p>Clusters: " + similarity.clusters.map { "{" + $0.map(HTML.escape).joined(separator: ", ") + "}" }.joined(separator: " ") + "</p>"
            }
            for pair in similarity.pairs.prefix(50) {
                h += "<details><summary><b>\(HTML.escape(pair.first))</b> and <b>\(HTML.escape(pair.second))</b>: \(HTML.percent(pair.score)) shared (\(pair.shared) fingerprints)</summary>"
                for p in pair.passages {
                    h += "<p class=\"muted\">\(p.kind.rawValue) \(HTML.escape(p.key))</p><div class=\"pair\"><pre>\(HTML.escape(String(p.firstText.prefix(2_000))))</pre><pre>\(HTML.escape(String(p.secondText.prefix(2_000))))</pre></div>"
                }
                h += "</details>"
            }
        }
        h += "</section></body></html>\n"
        return h
    }
}
