import BorderLabCore

/// Why a workspace could not be read or changed. Each description names the file or line and the fix.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    case notFound(searchedFrom: String)
    case notAWorkspace(String)
    case folderNotEmpty(String)
    case cannotCreate(String, reason: String)
    case missingFile(String)
    case emptyLog(String)
    case malformedHeader(path: String, reason: String)
    case newerFormat(found: Int, supported: Int)
    case otherEngine(found: String, current: String)
    case malformedLine(path: String, line: Int, reason: String)
    case byteOrderMark(String)
    case crlfLineEnds(path: String, line: Int)
    case blankLine(path: String, line: Int)
    case trailingBlankLines(path: String, count: Int)
    /// A command was interrupted after appending its action and before the projection caught up.
    case interrupted(path: String, line: Int)
    /// A command was interrupted while appending its action: the last line has no newline yet.
    case interruptedAppend(path: String, line: Int)
    /// The action was appended to the log, but writing the projection failed afterwards: it *is* recorded.
    case recordedButNotProjected(path: String, reason: String)
    case chainBroken(path: String, line: Int)
    case actionRejected(path: String, line: Int, reason: String)
    case yamlMismatch(path: String, field: String, yaml: String, log: String)
    case projectionMismatch(path: String, reason: String)
    case busy(String)
    /// A command that changes the workspace, run where it cannot write.
    case readOnlyWorkspace(String)
    case io(String, reason: String)
    case engine(EngineError)

    public var description: String {
        switch self {
        case .notFound(let folder):
            return "No BorderLab workspace in \(folder) or its parents (a workspace holds borderlab.yaml). Create one with `borderlab new DIR --scenario cn-import`, or pass --workspace DIR."
        case .notAWorkspace(let folder):
            return "\(folder) is not a BorderLab workspace (no borderlab.yaml). Create one with `borderlab new \(folder) --scenario cn-import`."
        case .folderNotEmpty(let folder):
            return "\(folder) is not empty. A workspace (from `borderlab new` or `borderlab tour`) is created only in a new or empty folder: pick another name."
        case .cannotCreate(let path, let reason):
            return "Cannot create \(path): \(reason). Check the path and your permissions."
        case .missingFile(let path):
            return "\(path) is missing. Restore it from your copy or the LMS submission; without the action log the workspace cannot be rebuilt."
        case .emptyLog(let path):
            return "\(path) is empty: it must start with a header line. Restore it from your copy, or start over with `borderlab new`."
        case .malformedHeader(let path, let reason):
            return "The header (line 1) of \(path) is damaged: \(Clip.sentence(reason)). Restore the file from your copy, or start over with `borderlab new`."
        case .newerFormat(let found, let supported):
            return "This workspace uses log format \(found), newer than this borderlab understands (\(supported)). Upgrade borderlab."
        case .otherEngine(let found, let current):
            return "This workspace was made by engine \(found), but this borderlab runs engine \(current), which may simulate differently. Use borderlab \(found), or start a new workspace."
        case .malformedLine(let path, let line, let reason):
            return "\(path) line \(line) is damaged: \(Clip.sentence(reason)). Restore the file from your copy; lines after a damaged one cannot be trusted."
        case .byteOrderMark(let path):
            return "\(path) starts with a byte-order mark (BOM, bytes EF BB BF), which an editor added when saving; BorderLab never writes one. Restore the file from your copy, or save it as UTF-8 without BOM."
        case .crlfLineEnds(let path, let line):
            return "\(path) line \(line) ends with CR LF (Windows line ends), which an editor or a file transfer added; BorderLab writes LF only. Restore the file from your copy, or convert it back to LF line ends (e.g. `dos2unix \(path)`)."
        case .blankLine(let path, let line):
            return "\(path) line \(line) is blank; BorderLab never writes a blank line. Restore the file from your copy."
        case .trailingBlankLines(let path, let count):
            return "\(path) ends with \(count) blank line\(count == 1 ? "" : "s") after its last action; BorderLab never writes them. Remove \(count == 1 ? "it" : "them") (the file must end with one newline after the last line)."
        case .interrupted(let path, let line):
            return "A command was interrupted after recording line \(line) of \(path) and before updating sandbox.sqlite. Nothing was edited: run `borderlab status` to bring sandbox.sqlite up to date, then verify again."
        case .interruptedAppend(let path, let line):
            return "A command was interrupted while writing line \(line) of \(path) (the line is incomplete, without its newline). Nothing was edited: run `borderlab status`, which removes the incomplete line, then verify again."
        case .recordedButNotProjected(let path, let reason):
            return "The action WAS recorded in \(path), but sandbox.sqlite could not be updated: \(reason). Do not repeat the command (it would apply twice); free some disk space, then run `borderlab status` to update sandbox.sqlite."
        case .chainBroken(let path, let line):
            return "\(path): the hash chain is broken at line \(line): line \(line - 1) was changed, or a line was removed or inserted before line \(line). The log has been edited by hand; restore it from your copy."
        case .actionRejected(let path, let line, let reason):
            return "\(path) line \(line) holds an action the engine refuses: \(Clip.sentence(reason)). The log has been edited by hand; restore it from your copy."
        case .yamlMismatch(let path, let field, let yaml, let log):
            return "\(path) says \(field) is \(yaml), but the log's header says \(log). borderlab.yaml is only a copy of the header: restore it, or run `borderlab replay` to rewrite it."
        case .projectionMismatch(let path, let reason):
            return "\(path) does not belong to this workspace's log: \(reason). Rebuild it from the log with `borderlab replay`."
        case .busy(let path):
            return "Another borderlab command is changing the workspace (\(path) is locked). Wait for it to finish, then try again."
        case .readOnlyWorkspace(let root):
            return "The workspace \(root) is read-only (a read-only share or copy): this command changes it, so it cannot run here. Reading commands (status, log, sql, verify, digest, …) work; copy the folder somewhere writable to act in it."
        case .io(let path, let reason):
            return "Cannot use \(path): \(reason)."
        case .engine(let error):
            return error.description
        }
    }
}
