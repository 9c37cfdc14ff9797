import BorderLabCore
import BorderLabStore
import Foundation

extension WorkspaceOptions {
    /// The workspace this command works on.
    func locate() throws -> Workspace {
        try Workspace.locate(explicit: workspace, from: FileManager.default.currentDirectoryPath)
    }

    /// The workspace and its world, with any repair announced on standard error.
    func open() throws -> (Workspace, World) {
        let workspace = try locate()
        let opened = try workspace.open()
        for note in opened.notes { Terminal.note(note) }
        return (workspace, opened.world)
    }
}
