import BorderLabCore
import BorderLabStore
import Foundation
@testable import BorderLabExercises

/// The repository's shipped content, and scratch folders for workspaces.
enum Fixture {
    static let library: ContentLibrary = ContentLibrary.load(roots: ContentLibrary.searchRoots(explicit: nil))

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("borderlab-ex-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A content folder holding one course and the given exercise files (for validation tests).
    static func content(course: String, exercises: [String: String]) throws -> String {
        let root = try folder()
        try FileManager.default.createDirectory(atPath: root + "/courses/c1", withIntermediateDirectories: true)
        try course.write(toFile: root + "/courses/c1/course.yaml", atomically: true, encoding: .utf8)
        for (id, text) in exercises {
            try FileManager.default.createDirectory(atPath: root + "/exercises/\(id)", withIntermediateDirectories: true)
            try text.write(toFile: root + "/exercises/\(id)/exercise.yaml", atomically: true, encoding: .utf8)
            try "# {{n}}\n".write(toFile: root + "/exercises/\(id)/README.md", atomically: true, encoding: .utf8)
            try "# {{n}}\n".write(toFile: root + "/exercises/\(id)/README.zh-CN.md", atomically: true, encoding: .utf8)
        }
        return root
    }
}
