import BorderLabCore
import BorderLabStore
import Foundation
import Testing
@testable import BorderLabExercises

/// The log and header formats the exercises add: old logs keep their bytes, new fields round-trip.
@Suite struct FormatTests {
    @Test func freeWorkspaceHeaderKeepsFormatOneBytes() {
        let header = WorldHeader(seed: 7, scenario: .cnImport)
        let line = ActionLog.headerLine(header)
        #expect(header.formatVersion == 1)
        #expect(!line.contains("exercise") && !line.contains("starting_cash"))
    }

    @Test func stampedHeaderRoundTrips() throws {
        var header = WorldHeader(seed: 7, scenario: .cnImport)
        header.stamp(ExerciseStamp(course: "c", exercise: "e", student: "s", definitionHash: "ab", variant: ["b": "2", "a": "1"]),
                     startingCash: Money(major: 1000, .CNY))
        let line = ActionLog.headerLine(header)
        let back = try JSONDecoder().decode(WorldHeader.self, from: Data(line.utf8))
        #expect(back == header)
        #expect(back.formatVersion == 2)
        #expect(ActionLog.headerLine(back) == line)
        let world = try World(header: back)
        #expect(world.cash(.CNY) == Money(major: 1000, .CNY))
    }

    @Test func exerciseActionsRoundTripAndLeaveTheWorldAlone() throws {
        let actions: [Action] = [.answer(key: "k", value: AnswerValue(type: .money, text: "1.00 CNY")), .hint(task: 2, level: 1), .setupEnd]
        var world = try World(header: WorldHeader(seed: 1, scenario: .cnImport, customers: 10))
        let before = world.statusReport().cash
        for action in actions {
            let data = try JSONEncoder().encode(action)
            #expect(try JSONDecoder().decode(Action.self, from: data) == action)
            try world.apply(action)
        }
        #expect(world.day == 0)
        #expect(world.statusReport().cash == before)
    }

    @Test func wallClockIsOmittedWhenAbsentAndChainedWhenPresent() throws {
        let plain = ActionLog.line(for: .advance(days: 1), sequence: 1, day: 0, previousHash: "x")
        #expect(!plain.contains("\"at\""))
        let timed = ActionLog.line(for: .advance(days: 1), sequence: 1, day: 0, previousHash: "x", at: "2026-12-04T15:00:00Z")
        #expect(timed.contains("\"at\":\"2026-12-04T15:00:00Z\""))
        let header = WorldHeader(seed: 1, scenario: .cnImport, customers: 10)
        let headerLine = ActionLog.headerLine(header)
        let line = ActionLog.line(for: .advance(days: 1), sequence: 1, day: 0, previousHash: ActionLog.hash(headerLine), at: "2026-12-04T15:00:00Z")
        let log = try ActionLog.parse(Data((headerLine + "\n" + line + "\n").utf8), path: "t")
        #expect(log.actions[0].at == "2026-12-04T15:00:00Z")
    }
}
