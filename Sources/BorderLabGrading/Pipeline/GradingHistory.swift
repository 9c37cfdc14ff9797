import Foundation
import GRDB

/// The grading history (`--history FILE`, default `DIR/grading.sqlite`): every run, every grade, which were released.
///
/// Each grade is stored in its own transaction as soon as it is made, so a run killed mid-batch loses nothing already
/// graded, and the next run finds it by its key (bundle, definitions, policy and engine) and skips it.
public final class GradingHistory: Sendable {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var config = Configuration()
        // WAL with synchronous NORMAL: a committed grade survives the process being killed (kill -9), without an
        // fsync per submission (which would make the disk, not the replay, the batch's bottleneck).
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, inputs TEXT NOT NULL,
                    policy TEXT NOT NULL, definitions TEXT NOT NULL, engine TEXT NOT NULL, released INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE IF NOT EXISTS grades (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id),
                    key TEXT NOT NULL, sha256 TEXT NOT NULL, student TEXT NOT NULL, exercise TEXT NOT NULL, status TEXT NOT NULL,
                    score REAL, released INTEGER NOT NULL DEFAULT 0, result TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS grades_key ON grades(key);
                CREATE INDEX IF NOT EXISTS grades_student ON grades(student, exercise);
                """)
        }
    }

    public func beginRun(started: String, inputs: [String], policy: String, definitions: String, engine: String) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO runs (started, inputs, policy, definitions, engine) VALUES (?, ?, ?, ?, ?)",
                           arguments: [started, inputs.joined(separator: "\n"), policy, definitions, engine])
            return db.lastInsertedRowID
        }
    }

    /// The verdict stored under `key` by an earlier run, if any.
    public func cached(key: String) throws -> GradedSubmission? {
        try queue.read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT result FROM grades WHERE key = ? ORDER BY id DESC LIMIT 1", arguments: [key]) else { return nil }
            return try? JSONDecoder().decode(GradedSubmission.self, from: Data(text.utf8))
        }
    }

    /// The latest earlier grade of a student's exercise (graded ones only), and the latest released one.
    public func previous(student: String, exercise: String, before run: Int64) throws -> (latest: Double?, released: Double?) {
        try queue.read { db in
            let latest = try Double?.fetchOne(db, sql: "SELECT score FROM grades WHERE student = ? AND exercise = ? AND status = 'graded' AND run_id < ? ORDER BY id DESC LIMIT 1",
                                              arguments: [student, exercise, run]) ?? nil
            let released = try Double?.fetchOne(db, sql: "SELECT score FROM grades WHERE student = ? AND exercise = ? AND released = 1 ORDER BY id DESC LIMIT 1",
                                                arguments: [student, exercise]) ?? nil
            return (latest, released)
        }
    }

    public func record(run: Int64, key: String, _ result: GradedSubmission) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grades (run_id, key, sha256, student, exercise, status, score, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [run, key, result.sha256, result.student, result.exercise, result.status.rawValue, result.score, json])
        }
    }

    /// Marks the run's counted grades released (`--release`): from now on a later run that changes them says so.
    public func release(run: Int64, students: [(student: String, exercise: String, sha256: String)]) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET released = 1 WHERE id = ?", arguments: [run])
            for s in students {
                try db.execute(sql: "UPDATE grades SET released = 1 WHERE run_id = ? AND student = ? AND exercise = ? AND sha256 = ?",
                               arguments: [run, s.student, s.exercise, s.sha256])
            }
        }
    }

    /// The class's share of points per competency in earlier runs of an exercise (oldest first, at most `limit`
    /// runs), for the report's trend: "what the class has not learned yet", compared with before.
    public func earlierShares(exercise: String, before run: Int64, limit: Int = 5) throws -> [QualityReport.EarlierRun] {
        try queue.read { db in
            let runs = try Row.fetchAll(db, sql: """
                SELECT DISTINCT runs.id, runs.started FROM runs JOIN grades ON grades.run_id = runs.id
                WHERE grades.exercise = ? AND grades.status = 'graded' AND runs.id < ? ORDER BY runs.id DESC LIMIT ?
                """, arguments: [exercise, run, limit])
            return try runs.reversed().map { row in
                let id: Int64 = row[0]
                var earned: [String: Double] = [:], possible: [String: Double] = [:]
                for text in try String.fetchAll(db, sql: "SELECT result FROM grades WHERE run_id = ? AND exercise = ? AND status = 'graded'",
                                                arguments: [id, exercise]) {
                    guard let r = try? JSONDecoder().decode(GradedSubmission.self, from: Data(text.utf8)) else { continue }
                    for c in r.checks { earned[c.competency, default: 0] += c.points; possible[c.competency, default: 0] += c.maxPoints }
                }
                let shares = possible.compactMapValues { $0 }.reduce(into: [String: Double]()) { out, kv in
                    if kv.value > 0 { out[kv.key] = (earned[kv.key] ?? 0) / kv.value }
                }
                return QualityReport.EarlierRun(label: "run \(id) (\(row[1] as String))", shareByCompetency: shares)
            }
        }
    }

    /// The number of runs so far (for tests and the report).
    public func runCount() throws -> Int { try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 } }
}
