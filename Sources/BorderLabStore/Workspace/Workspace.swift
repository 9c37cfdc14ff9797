import BorderLabCore
import Foundation
import GRDB
import Yams

/// A student's workspace: `borderlab.yaml`, the hash-chained `actions.jsonl` and the `sandbox.sqlite` projection.
///
/// The log is the truth (DESIGN.md invariant 1). Every change runs under an exclusive lock: replay the log,
/// apply the action, append its line, then write the projection to a temporary file and rename it into place.
/// A crash between the append and the rename leaves the projection behind the log; the next command notices
/// (the projection records the hash of the last line it reflects) and rebuilds it.
public struct Workspace: Sendable {
    public let root: String
    public var yamlPath: String { root + "/borderlab.yaml" }
    public var logPath: String { root + "/actions.jsonl" }
    public var sandboxPath: String { root + "/sandbox.sqlite" }
    var lockPath: String { root + "/.borderlab.lock" }

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// Finds the workspace like git finds a repository: `explicit` when given, else `start` and then its parents.
    public static func locate(explicit: String?, from start: String) throws(WorkspaceError) -> Workspace {
        if let explicit {
            let path = absolute(explicit, from: start)
            guard FileManager.default.fileExists(atPath: path + "/borderlab.yaml") else { throw .notAWorkspace(explicit) }
            return Workspace(root: path)
        }
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.path + "/borderlab.yaml") { return Workspace(root: folder.path) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { throw .notFound(searchedFrom: start) }
            folder = parent
        }
    }

    static func absolute(_ path: String, from base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// Creates a workspace in a new or empty folder: the log's header, its YAML copy and the day-0 projection.
    public static func create(at path: String, header: WorldHeader) throws(WorkspaceError) -> (Workspace, World) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .folderNotEmpty(path) }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard entries.isEmpty else { throw .folderNotEmpty(path) }
        } else {
            do { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .cannotCreate(path, reason: error.localizedDescription)
            }
        }
        let workspace = Workspace(root: path)
        let world: World
        do { world = try World(header: header) } catch { throw .engine(error) }
        let lock = try WorkspaceLock(path: workspace.lockPath)
        defer { withExtendedLifetime(lock) {} }
        let headerLine = ActionLog.headerLine(header)
        try workspace.write(headerLine + "\n", to: workspace.logPath)
        try workspace.write(yaml(for: header), to: workspace.yamlPath)
        try workspace.writeProjection(world, log: ActionLog(header: header, actions: [], headHash: ActionLog.hash(headerLine)))
        return (workspace, world)
    }

    /// The readable copy of the header.
    static func yaml(for header: WorldHeader) -> String {
        """
        # BorderLab workspace. A readable copy of the first line of actions.jsonl; `borderlab verify` checks it.
        # The action log is the truth: do not edit actions.jsonl or sandbox.sqlite by hand.
        format_version: \(header.formatVersion)
        engine_version: "\(header.engineVersion)"
        seed: \(header.seed)
        scenario: \(header.scenario)
        mode: \(header.mode)
        start_date: "\(header.startDate.iso)"
        customers: \(header.customers)

        """ + exerciseYAML(header)
    }

    /// The exercise lines of the readable header (format 2), empty for a free workspace.
    static func exerciseYAML(_ header: WorldHeader) -> String {
        var text = header.startingCash.map { "starting_cash: \"\($0)\"\n" } ?? ""
        guard let stamp = header.exercise else { return text }
        text += "course: \(stamp.course)\nexercise: \(stamp.exercise)\nstudent: \"\(stamp.student)\"\n"
        text += "definition_hash: \(stamp.definitionHash)\nvariant:\n"
        for key in stamp.variant.keys.sorted() { text += "  \(key): \"\(stamp.variant[key]!)\"\n" }
        return text
    }

    func write(_ text: String, to path: String) throws(WorkspaceError) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .io(path, reason: error.localizedDescription)
        }
    }

    // MARK: Reading

    /// Reads the log, repairing an append that a crash cut short (a last line without its newline).
    func readLog(repairing: Bool) throws(WorkspaceError) -> (ActionLog, notes: [String]) {
        guard var data = FileManager.default.contents(atPath: logPath) else { throw .missingFile(logPath) }
        var notes: [String] = []
        if repairing, let last = data.last, last != UInt8(ascii: "\n") {
            // A last line without its newline: either an append cut short by a crash (drop it), or a complete line
            // whose newline an editor removed (keep it). Only a line that parses and chains is kept.
            let completed = data + Data("\n".utf8)
            if (try? ActionLog.parse(completed, path: logPath)) != nil {
                data = completed
                notes.append("actions.jsonl lacked its final newline; added it.")
            } else if let cut = data.lastIndex(of: UInt8(ascii: "\n")) {
                data = data.prefix(through: cut)
                notes.append("actions.jsonl ended in a half-written line (an interrupted command); removed it.")
            }
            if !notes.isEmpty { try write(String(decoding: data, as: UTF8.self), to: logPath) }
        }
        return (try ActionLog.parse(data, path: logPath), notes)
    }

    /// Rebuilds the world from a log, checking that each action is one the engine accepts on the day it was logged.
    public static func replay(_ log: ActionLog, path: String = "actions.jsonl",
                              progress: ((Int, Int) -> Void)? = nil) throws(WorkspaceError) -> World {
        var world: World
        do { world = try World(header: log.header) } catch { throw .malformedHeader(path: path, reason: error.description) }
        for logged in log.actions {
            let line = logged.sequence + 1
            guard logged.day == world.day else {
                throw .actionRejected(path: path, line: line, reason: "it says it was taken on day \(logged.day), but the world was at day \(world.day)")
            }
            do { try world.apply(logged.action, progress: progress) } catch {
                throw .actionRejected(path: path, line: line, reason: error.description)
            }
        }
        return world
    }

    /// Opens the workspace for reading: the log replayed into a world, the projection checked and repaired if behind.
    ///
    /// - Returns: the world and notes about any repair made, for the CLI to print.
    public func open() throws(WorkspaceError) -> (world: World, log: ActionLog, notes: [String]) {
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let (log, repairNotes) = try readLog(repairing: true)
        var notes = repairNotes
        let world = try Workspace.replay(log, path: logPath)
        switch try projectionState(log) {
        case .current: break
        case .missing:
            try writeProjection(world, log: log)
            notes.append("sandbox.sqlite was missing; rebuilt it from actions.jsonl.")
        case .behind:
            try writeProjection(world, log: log)
            notes.append("sandbox.sqlite did not match the last line of actions.jsonl (an interrupted command, or a log edited by hand); rebuilt it from the log.")
        case .foreign(let reason):
            throw .projectionMismatch(path: sandboxPath, reason: reason)
        }
        return (world, log, notes)
    }

    enum ProjectionState: Equatable { case current, missing, behind, foreign(String) }

    func projectionState(_ log: ActionLog) throws(WorkspaceError) -> ProjectionState {
        guard FileManager.default.fileExists(atPath: sandboxPath) else { return .missing }
        let meta: [String: String]?
        do {
            var config = Configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: sandboxPath, configuration: config)
            meta = try queue.read { try ProjectionWriter.readMeta($0) }
            try queue.close()
        } catch {
            return .foreign("it is not a BorderLab sandbox database (\(error))")
        }
        guard let meta else { return .foreign("it has no meta table") }
        let header = log.header
        if meta["engine_version"] != header.engineVersion {
            return .foreign("it was built by engine \(meta["engine_version"] ?? "?"), the log by engine \(header.engineVersion)")
        }
        if meta["seed"] != String(header.seed) || meta["scenario"] != header.scenario {
            return .foreign("it was built for seed \(meta["seed"] ?? "?") (\(meta["scenario"] ?? "?")), but actions.jsonl is for seed \(header.seed) (\(header.scenario))")
        }
        return meta["log_head"] == log.headHash ? .current : .behind
    }

    // MARK: Changing

    /// Applies one action: replay, apply, append the line, write the projection — all under the lock.
    ///
    /// - Throws: ``WorkspaceError/engine(_:)`` when the engine refuses the action; nothing is written then.
    @discardableResult
    public func perform(_ action: Action, progress: ((Int, Int) -> Void)? = nil) throws(WorkspaceError) -> World {
        try performComparing(action, progress: progress).after
    }

    /// Like ``perform(_:progress:)``, also returning the world just before the action, from the same replay,
    /// for summaries of what the action changed (`advance`, `tour`).
    public func performComparing(_ action: Action, progress: ((Int, Int) -> Void)? = nil)
        throws(WorkspaceError) -> (before: World, after: World) {
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let (log, _) = try readLog(repairing: true)
        let before = try Workspace.replay(log, path: logPath)
        if case .foreign(let reason) = try projectionState(log) { throw .projectionMismatch(path: sandboxPath, reason: reason) }
        var world = before
        let day = world.day
        do { try world.apply(action, progress: progress) } catch { throw .engine(error) }
        // Exercise workspaces stamp each action with the wall-clock time (drills are timed); free ones stay as they were.
        let at = log.header.exercise == nil ? nil : WallClock.now()
        let line = ActionLog.line(for: action, sequence: log.actions.count + 1, day: day, previousHash: log.headHash, at: at)
        try append(line + "\n")
        let head = ActionLog.hash(line)
        try writeProjection(world, log: ActionLog(header: log.header, actions: log.actions, headHash: head),
                            actionCount: log.actions.count + 1)
        return (before, world)
    }

    func append(_ text: String) throws(WorkspaceError) {
        guard let handle = FileHandle(forWritingAtPath: logPath) else { throw .io(logPath, reason: "cannot open for writing") }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch { throw .io(logPath, reason: error.localizedDescription) }
    }

    /// Writes the whole projection to a temporary file and renames it over `sandbox.sqlite` (atomic on POSIX).
    func writeProjection(_ world: World, log: ActionLog, actionCount: Int? = nil) throws(WorkspaceError) {
        let temporary = root + "/.sandbox.sqlite.tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: log.headHash,
                                                              actions: actionCount ?? log.actions.count), into: db)
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io(sandboxPath, reason: "could not write the projection: \(error)")
        }
        guard rename(temporary, sandboxPath) == 0 else { throw .io(sandboxPath, reason: "could not replace it") }
    }

    /// Rebuilds `sandbox.sqlite` from the log, whatever it held (`borderlab replay`).
    public func replay(progress: ((Int, Int) -> Void)? = nil) throws(WorkspaceError) -> World {
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let (log, _) = try readLog(repairing: true)
        let world = try Workspace.replay(log, path: logPath, progress: progress)
        try writeProjection(world, log: log)
        try write(Workspace.yaml(for: log.header), to: yamlPath)
        return world
    }

    /// The digest of the stored projection.
    public func digest() throws(WorkspaceError) -> String {
        _ = try open()
        do {
            var config = Configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: sandboxPath, configuration: config)
            defer { try? queue.close() }
            return try queue.read { try WorldDigest.digest($0) }
        } catch { throw .io(sandboxPath, reason: "\(error)") }
    }
}
