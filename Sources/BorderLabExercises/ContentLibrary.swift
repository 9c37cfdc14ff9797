import BorderLabCore
import Crypto
import Foundation

/// The courses and exercises found in the content folders, validated together.
///
/// Folders are searched in order — `--content DIR`, then `$BORDERLAB_CONTENT`, then beside the installed binary, then
/// the repository's own `courses/` and `exercises/` — and the first folder defining an id wins, so an instructor can
/// add or override exercises in a folder of their own.
public struct ContentLibrary: Sendable {
    public let roots: [String]
    public let courses: [CourseDefinition]
    public let exercises: [String: ExerciseDefinition]
    /// Every problem found, all at once.
    public let problems: [DefinitionProblem]

    /// The content folders to search, in order (existing folders only).
    public static func searchRoots(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                   executable: String = CommandLine.arguments.first ?? "") -> [String] {
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        if let env = environment["BORDERLAB_CONTENT"], !env.isEmpty { candidates.append(env) }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates += [binary.path, binary.appendingPathComponent("../share/borderlab").standardizedFileURL.path]
        // The repository: walk up from the binary (a `.build/debug/borderlab`) and from this source file.
        for start in [binary, URL(fileURLWithPath: #filePath).deletingLastPathComponent()] {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { candidates.append(folder.path); break }
                folder = folder.deletingLastPathComponent()
            }
        }
        var seen = Set<String>()
        return candidates.filter { root in
            let fm = FileManager.default
            let has = fm.fileExists(atPath: root + "/courses") || fm.fileExists(atPath: root + "/exercises")
            return has && seen.insert(URL(fileURLWithPath: root).standardizedFileURL.path).inserted
        }
    }

    /// Loads and validates everything under `roots`.
    public static func load(roots: [String]) -> ContentLibrary {
        var problems: [DefinitionProblem] = []
        var courses: [CourseDefinition] = []
        var exercises: [String: ExerciseDefinition] = [:]
        // Exercises found but invalid: their own problems are reported, not a second "no exercise" in the course.
        var invalid = Set<String>()
        let fm = FileManager.default
        for root in roots {
            for name in ((try? fm.contentsOfDirectory(atPath: root + "/courses")) ?? []).sorted() {
                let file = "\(root)/courses/\(name)/course.yaml"
                guard !courses.contains(where: { $0.id == name }), let data = fm.contents(atPath: file) else { continue }
                let (course, found) = CourseDefinition.parse(String(decoding: data, as: UTF8.self), file: file, folderName: name)
                problems += found
                if let course { courses.append(course) }
            }
            for name in ((try? fm.contentsOfDirectory(atPath: root + "/exercises")) ?? []).sorted() {
                let folder = "\(root)/exercises/\(name)"
                let file = folder + "/exercise.yaml"
                guard exercises[name] == nil, let data = fm.contents(atPath: file) else { continue }
                let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                let (exercise, found) = ExerciseDefinition.parse(String(decoding: data, as: UTF8.self), file: file, folder: folder,
                                                                  folderName: name, hash: hash)
                problems += found
                if let exercise {
                    problems += ExerciseValidation.problems(exercise)
                    exercises[name] = exercise
                } else {
                    invalid.insert(name)
                }
                for readme in ["README.md", "README.zh-CN.md"] where !fm.fileExists(atPath: folder + "/" + readme) {
                    problems.append(DefinitionProblem(file: folder + "/" + readme, line: nil, field: "file", problem: "is missing"))
                }
            }
        }
        for course in courses {
            for module in course.modules {
                for id in module.exercises {
                    guard let exercise = exercises[id] else {
                        if invalid.contains(id) { continue }
                        problems.append(DefinitionProblem(file: course.file, line: nil, field: "modules.\(module.id).exercises",
                                                          problem: "no exercise '\(id)' in \(roots.map { $0 + "/exercises" }.joined(separator: ", "))"))
                        continue
                    }
                    let file = exercise.folder + "/exercise.yaml"
                    for competency in exercise.competencies + exercise.checks.map(\.competency) where !course.competencies.contains(competency) {
                        problems.append(DefinitionProblem(file: file, line: nil, field: "competencies",
                                                          problem: "'\(competency)' is not declared by course \(course.id) (its competencies: \(course.competencies.joined(separator: ", ")))"))
                    }
                }
            }
        }
        var unique: [DefinitionProblem] = []
        for p in problems where !unique.contains(p) { unique.append(p) }
        return ContentLibrary(roots: roots, courses: courses, exercises: exercises, problems: unique)
    }

    public func course(_ id: String) -> CourseDefinition? { courses.first { $0.id == id } }

    /// Every `COURSE/EXERCISE` in course order.
    public var qualifiedIDs: [String] { courses.flatMap { c in c.exerciseIDs.map { "\(c.id)/\($0)" } } }

    /// The course and exercise of a qualified id. - Throws: ``ExerciseError/unknownExercise(_:known:)`` listing the ids.
    public func resolve(_ qualified: String) throws(ExerciseError) -> (CourseDefinition, ExerciseDefinition) {
        let parts = qualified.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let course = course(parts[0]), course.exerciseIDs.contains(parts[1]),
              let exercise = exercises[parts[1]] else {
            throw .unknownExercise(qualified, known: qualifiedIDs)
        }
        return (course, exercise)
    }
}
