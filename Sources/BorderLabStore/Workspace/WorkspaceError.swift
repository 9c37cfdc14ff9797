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
    case chainBroken(path: String, line: Int)
    case actionRejected(path: String, line: Int, reason: String)
    case yamlMismatch(path: String, field: String, yaml: String, log: String)
    case projectionMismatch(path: String, reason: String)
    case busy(String)
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
            return "The header (line 1) of \(path) is damaged: \(reason). Restore the file from your copy, or start over with `borderlab new`."
        case .newerFormat(let found, let supported):
            return "This workspace uses log format \(found), newer than this borderlab understands (\(supported)). Upgrade borderlab."
        case .otherEngine(let found, let current):
            return "This workspace was made by engine \(found), but this borderlab runs engine \(current), which may simulate differently. Use borderlab \(found), or start a new workspace."
        case .malformedLine(let path, let line, let reason):
            return "\(path) line \(line) is damaged: \(reason). Restore the file from your copy; lines after a damaged one cannot be trusted."
        case .chainBroken(let path, let line):
            return "\(path): the hash chain is broken at line \(line): line \(line - 1) was changed, or a line was removed or inserted before line \(line). The log has been edited by hand; restore it from your copy."
        case .actionRejected(let path, let line, let reason):
            return "\(path) line \(line) holds an action the engine refuses: \(reason). The log has been edited by hand; restore it from your copy."
        case .yamlMismatch(let path, let field, let yaml, let log):
            return "\(path) says \(field) is \(yaml), but the log's header says \(log). borderlab.yaml is only a copy of the header: restore it, or run `borderlab replay` to rewrite it."
        case .projectionMismatch(let path, let reason):
            return "\(path) does not belong to this workspace's log: \(reason). Rebuild it from the log with `borderlab replay`."
        case .busy(let path):
            return "Another borderlab command is changing the workspace (\(path) is locked). Wait for it to finish, then try again."
        case .io(let path, let reason):
            return "Cannot use \(path): \(reason)."
        case .engine(let error):
            return error.description
        }
    }
}
