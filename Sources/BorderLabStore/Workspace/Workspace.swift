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
    var temporaryPath: String { root + "/.sandbox.sqlite.tmp" }
    /// True when this value must never write to the folder, whatever the permissions say (an instructor's copy that
    /// must stay as handed in; tests, which run as root, where `chmod` does not stop writes).
    public let readOnly: Bool
    /// Failures injected by tests (a full disk at a chosen step), `nil` in every real run.
    let faults: WorkspaceFaults?

    public init(root: String, readOnly: Bool = false) {
        self.init(root: root, readOnly: readOnly, faults: nil)
    }

    init(root: String, readOnly: Bool, faults: WorkspaceFaults?) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.readOnly = readOnly
        self.faults = faults
    }

    /// Whether commands may write here: not when opened read-only, nor where the folder or the log cannot be written.
    ///
    /// `faccessat(…, AT_EACCESS)` asks with the effective (file-system) identity, the one `open` uses; plain
    /// `access` asks with the real one, which answers wrongly for a process that changed its identity.
    public var isWritable: Bool {
        !readOnly && faccessat(AT_FDCWD, root, W_OK, AT_EACCESS) == 0 && faccessat(AT_FDCWD, logPath, W_OK, AT_EACCESS) == 0
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
    ///
    /// A failure (a full disk, a folder that cannot be written) removes what this call made — the folder if it made
    /// it, else the files it put in the empty folder — so that `new` can simply be run again.
    public static func create(at path: String, header: WorldHeader) throws(WorkspaceError) -> (Workspace, World) {
        try create(at: path, header: header, faults: nil)
    }

    static func create(at path: String, header: WorldHeader, faults: WorkspaceFaults?) throws(WorkspaceError) -> (Workspace, World) {
        let world: World
        do { world = try World(header: header) } catch { throw .engine(error) }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let madeFolder: Bool
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .folderNotEmpty(path) }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard entries.isEmpty else { throw .folderNotEmpty(path) }
            madeFolder = false
        } else {
            do { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .cannotCreate(path, reason: error.localizedDescription)
            }
            madeFolder = true
        }
        let workspace = Workspace(root: path, readOnly: false, faults: faults)
        do {
            let lock = try WorkspaceLock(path: workspace.lockPath)
            defer { withExtendedLifetime(lock) {} }
            let headerLine = ActionLog.headerLine(header)
            try workspace.write(headerLine + "\n", to: workspace.logPath)
            try workspace.write(yaml(for: header), to: workspace.yamlPath)
            try workspace.writeProjection(world, log: ActionLog(header: header, actions: [], headHash: ActionLog.hash(headerLine)))
        } catch {
            workspace.removeHalfMade(folder: madeFolder)
            throw .cannotCreate(path, reason: error.reasonText + "; nothing was left behind, so `borderlab new` can run again once that is fixed")
        }
        return (workspace, world)
    }

    /// Removes what a failed ``create(at:header:)`` made: the whole folder when it made it, else only its own files.
    private func removeHalfMade(folder madeFolder: Bool) {
        let manager = FileManager.default
        if madeFolder {
            try? manager.removeItem(atPath: root)
        } else {
            for path in [logPath, yamlPath, sandboxPath, temporaryPath, lockPath] { try? manager.removeItem(atPath: path) }
        }
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
        do {
            try faults?.check(.writeFile(path))
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
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
    /// Reading takes a shared lock, so any number of readers work at once. Only when a repair is due (an interrupted
    /// command) and the folder can be written does it take the exclusive lock to repair; on a read-only workspace it
    /// reads what is there and says what it could not repair.
    ///
    /// - Returns: the world and notes about any repair made, for the CLI to print.
    public func open() throws(WorkspaceError) -> (world: World, log: ActionLog, notes: [String]) {
        let writable = isWritable
        do {
            let lock = try WorkspaceLock(path: lockPath, kind: .shared, mayWrite: !readOnly)
            defer { withExtendedLifetime(lock) {} }
            if writable, lock.isHeld { removeLeftoverTemporary() }
            guard let data = FileManager.default.contents(atPath: logPath) else { throw .missingFile(logPath) }
            let complete = data.last == UInt8(ascii: "\n")
            if complete || !writable {
                var notes: [String] = []
                var readable = data
                if !complete, let cut = data.lastIndex(of: UInt8(ascii: "\n")) {
                    readable = data.prefix(through: cut)
                    notes.append("actions.jsonl ends in a half-written line (an interrupted command); it was ignored, and the read-only workspace was left as it is.")
                }
                let log = try ActionLog.parse(readable, path: logPath)
                let world = try Workspace.replay(log, path: logPath)
                switch try projectionState(log) {
                case .current:
                    return (world, log, notes)
                case .foreign(let reason):
                    throw .projectionMismatch(path: sandboxPath, reason: reason)
                case .missing, .behind:
                    guard writable else {
                        notes.append("sandbox.sqlite is missing or behind actions.jsonl (an interrupted command), and the workspace is read-only, so it was not rebuilt: `borderlab sql` reads it as it is; status and the other commands show the log's world.")
                        return (world, log, notes)
                    }
                }
            }
        }
        return try openRepairing()
    }

    /// ``open()`` under the exclusive lock, repairing the log's last line and the projection.
    private func openRepairing() throws(WorkspaceError) -> (world: World, log: ActionLog, notes: [String]) {
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        removeLeftoverTemporary()
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

    /// A `.sandbox.sqlite.tmp` outside a writer's lock is what a killed command left: remove it.
    ///
    /// Called under a lock (shared or exclusive), when no writer can be midway through making one.
    func removeLeftoverTemporary() {
        if FileManager.default.fileExists(atPath: temporaryPath) { try? FileManager.default.removeItem(atPath: temporaryPath) }
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
        let done = try commit { (world: inout World) throws(EngineError) in (action, try world.apply(action, progress: progress)) }
        return (done.before, done.after)
    }

    /// Appends one line; on failure cuts the log back to its old length, so nothing of the line stays.
    func append(_ text: String) throws(WorkspaceError) {
        guard let handle = FileHandle(forWritingAtPath: logPath) else {
            throw .io(logPath, reason: "cannot open for writing; the action was NOT recorded")
        }
        var start: UInt64 = 0
        do {
            start = try handle.seekToEnd()
            try faults?.check(.append)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.truncate(atOffset: start)
            try? handle.close()
            throw .io(logPath, reason: "\(error.localizedDescription); the action was NOT recorded, the workspace is unchanged")
        }
    }

    /// Writes the whole projection to a temporary file and renames it over `sandbox.sqlite` (atomic on POSIX).
    func writeProjection(_ world: World, log: ActionLog, actionCount: Int? = nil) throws(WorkspaceError) {
        try prepareProjection(world, log: log, actionCount: actionCount)
        try commitProjection()
    }

    /// Writes the whole projection to `.sandbox.sqlite.tmp`; removes it again on failure.
    func prepareProjection(_ world: World, log: ActionLog, actionCount: Int? = nil) throws(WorkspaceError) {
        let temporary = temporaryPath
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try faults?.check(.projection)
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                try ProjectionWriter.write(world, meta: .init(header: log.header, logHead: log.headHash,
                                                              actions: actionCount ?? log.actions.count), into: db)
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            // SQLite reports a full disk in several ways ("disk is full", "database disk image is malformed" when
            // it cannot write its first page), so the likely causes are named whatever its words.
            throw .io(sandboxPath, reason: "could not write the projection (is the disk full, or the folder not writable?): \(error)")
        }
    }

    /// Renames the prepared temporary file over `sandbox.sqlite`.
    func commitProjection() throws(WorkspaceError) {
        do { try faults?.check(.rename) } catch { throw .io(sandboxPath, reason: "could not replace it: \(error)") }
        guard rename(temporaryPath, sandboxPath) == 0 else {
            throw .io(sandboxPath, reason: "could not replace it: \(String(cString: strerror(errno)))")
        }
    }

    /// Rebuilds `sandbox.sqlite` from the log, whatever it held (`borderlab replay`).
    public func replay(progress: ((Int, Int) -> Void)? = nil) throws(WorkspaceError) -> World {
        guard isWritable else { throw .readOnlyWorkspace(root) }
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let (log, _) = try readLog(repairing: true)
        let world = try Workspace.replay(log, path: logPath, progress: progress)
        try writeProjection(world, log: log)
        try write(Workspace.yaml(for: log.header), to: yamlPath)
        return world
    }

}
