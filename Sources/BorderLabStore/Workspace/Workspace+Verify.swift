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
    public func verify() throws(WorkspaceError) -> VerifyOutcome {
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let log: ActionLog
        let world: World
        do {
            log = try readLog(repairing: false).0
            world = try Workspace.replay(log, path: logPath)
        } catch {
            switch error {
            case .missingFile, .busy, .io: throw error
            default: return .logBroken(error.description)
            }
        }
        if let problem = yamlProblem(log.header) { return .yamlDiffers(problem) }
        guard FileManager.default.fileExists(atPath: sandboxPath) else {
            return .stateDiffers("\(sandboxPath) is missing; rebuild it with `borderlab replay`")
        }
        do {
            var config = Configuration()
            config.readonly = true
            let stored = try DatabaseQueue(path: sandboxPath, configuration: config)
            defer { try? stored.close() }
            let replayed = try DatabaseQueue()
            _ = try replayed.writeWithoutTransaction { db in
                try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: log.headHash, actions: log.actions.count), into: db)
            }
            let meta = try stored.read { try ProjectionWriter.readMeta($0) }
            guard let meta else { return .stateDiffers("sandbox.sqlite has no meta table: it is not a BorderLab sandbox") }
            if meta["log_head"] != log.headHash {
                return .stateDiffers("sandbox.sqlite reflects another log (its last action hash differs from the last line of actions.jsonl); the last line may have been edited, or a command was interrupted")
            }
            let difference = try stored.read { s in try replayed.read { r in try WorldDigest.firstDifference(s, r) } }
            if let difference { return .stateDiffers(difference) }
            let digest = try stored.read { try WorldDigest.digest($0) }
            return .intact(actions: log.actions.count, digest: digest)
        } catch {
            return .stateDiffers("sandbox.sqlite cannot be read: \(error)")
        }
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
