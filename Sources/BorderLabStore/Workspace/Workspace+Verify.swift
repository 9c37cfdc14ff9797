import BorderLabCore
import Foundation
import GRDB
import Yams

/// The outcome of `borderlab verify`.
public enum VerifyOutcome: Sendable, Equatable {
    /// Chain intact, YAML matches, and replay equals the stored state.
    case intact(actions: Int, digest: String)
    /// The log itself is damaged or edited (chain, JSON, an action the engine refuses).
    case logBroken(String)
    /// `borderlab.yaml` disagrees with the log's header.
    case yamlDiffers(String)
    /// The stored projection differs from the replay of the log.
    case stateDiffers(String)
}

extension Workspace {
    /// Checks the workspace without changing it: the hash chain, the YAML copy of the header, and that replaying
    /// the log gives exactly the state stored in `sandbox.sqlite` (first differing table and row otherwise).
    ///
    /// It only reads, under a shared lock, so it works on a read-only workspace and beside other readers.
    public func verify() throws(WorkspaceError) -> VerifyOutcome {
        let lock = try WorkspaceLock(path: lockPath, kind: .shared, mayWrite: !readOnly)
        defer { withExtendedLifetime(lock) {} }
        let log: ActionLog
        let world: World
        do {
            log = try readLog(repairing: false).0
            world = try Workspace.replay(log, path: logPath)
        } catch {
            switch error {
            case .missingFile, .busy, .io: throw error
            default:
                if let line = halfWrittenLastLine() { return .logBroken(WorkspaceError.interruptedAppend(path: logPath, line: line).description) }
                return .logBroken(error.description)
            }
        }
        if let problem = yamlProblem(log.header) { return .yamlDiffers(problem) }
        switch compareProjection(log: log, world: world) {
        case .failure(let problem): return .stateDiffers(problem.message)
        case .success(let digest): return .intact(actions: log.actions.count, digest: digest)
        }
    }

    /// The digest of the stored projection, after checking that it equals the replay of the log.
    ///
    /// A digest is what graders compare, so it never hashes a projection that differs from the log: an interrupted
    /// command is repaired first (where the folder can be written), and a projection edited by hand is an error.
    public func digest() throws(WorkspaceError) -> String {
        let (world, log, _) = try open()
        let lock = try WorkspaceLock(path: lockPath, kind: .shared, mayWrite: !readOnly)
        defer { withExtendedLifetime(lock) {} }
        switch compareProjection(log: log, world: world) {
        case .failure(let problem): throw problem.interruption ?? .projectionMismatch(path: sandboxPath, reason: problem.message)
        case .success(let digest): return digest
        }
    }

    /// Compares `sandbox.sqlite` with the projection of `world` (the log's replay): its digest when equal, else what differs.
    func compareProjection(log: ActionLog, world: World) -> Result<String, ProjectionProblem> {
        guard FileManager.default.fileExists(atPath: sandboxPath) else {
            return .failure(.init("\(sandboxPath) is missing; rebuild it with `borderlab replay`"))
        }
        do {
            var config = Configuration()
            config.readonly = true
            let stored = try DatabaseQueue(path: sandboxPath, configuration: config)
            defer { try? stored.close() }
            let meta = try stored.read { try ProjectionWriter.readMeta($0) }
            guard let meta else { return .failure(.init("sandbox.sqlite has no meta table: it is not a BorderLab sandbox")) }
            if meta["log_head"] != log.headHash {
                if let previous = log.actions.last?.previousHash, meta["log_head"] == previous {
                    let interrupted = WorkspaceError.interrupted(path: logPath, line: log.actions.count + 1)
                    return .failure(.init(interrupted.description, interruption: interrupted))
                }
                return .failure(.init("sandbox.sqlite reflects another log (its last action hash differs from the last line of actions.jsonl); the log may have been edited by hand. Rebuild it with `borderlab replay` if the log is yours"))
            }
            let replayed = try DatabaseQueue()
            _ = try replayed.writeWithoutTransaction { db in
                try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: log.headHash, actions: log.actions.count), into: db)
            }
            let difference = try stored.read { s in try replayed.read { r in try WorldDigest.firstDifference(s, r) } }
            if let difference { return .failure(.init(difference)) }
            return .success(try stored.read { try WorldDigest.digest($0) })
        } catch {
            return .failure(.init("sandbox.sqlite cannot be read: \(error)"))
        }
    }

    /// What differs between the projection and the log; `interruption` when it is only an interrupted command.
    struct ProjectionProblem: Error {
        let message: String
        let interruption: WorkspaceError?
        init(_ message: String, interruption: WorkspaceError? = nil) { self.message = message; self.interruption = interruption }
    }

    /// The line number of a last line without its newline (an append cut short), or nil.
    func halfWrittenLastLine() -> Int? {
        guard let data = FileManager.default.contents(atPath: logPath), let last = data.last, last != UInt8(ascii: "\n") else { return nil }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + 1
    }

    /// Compares `borderlab.yaml` with the header; nil when they agree.
    func yamlProblem(_ header: WorldHeader) -> String? {
        guard let text = try? String(contentsOfFile: yamlPath, encoding: .utf8) else { return "\(yamlPath) is missing or unreadable" }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { return "\(yamlPath) is not valid YAML: \(error)" }
        guard let mapping = node?.mapping else { return "\(yamlPath) is not a mapping of fields" }
        var fields: [String: String] = [:]
        for (key, value) in mapping {
            if let k = key.string, let v = value.string { fields[k] = v }
        }
        let expected: [(String, String)] = [
            ("format_version", String(header.formatVersion)), ("engine_version", header.engineVersion),
            ("seed", String(header.seed)), ("scenario", header.scenario), ("mode", header.mode),
            ("start_date", header.startDate.iso), ("customers", String(header.customers)),
        ]
        for (field, value) in expected where fields[field] != value {
            return WorkspaceError.yamlMismatch(path: yamlPath, field: field, yaml: fields[field] ?? "missing", log: value).description
        }
        return nil
    }
}
