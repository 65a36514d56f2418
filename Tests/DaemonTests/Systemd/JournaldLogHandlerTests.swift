import Foundation
import Logging
import Testing

@testable import Daemon

@Suite struct JournaldLogHandlerTests {
    @Test func journalLinesCarryThePriorityAndSortedMetadata() throws {
        let pipe = try Pipe()
        var logger = Logger(label: "factwatch.test") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, format: .journal)
        }
        logger.logLevel = .trace
        logger[metadataKey: "source.id"] = "wire"
        logger.warning("Fetch failed", metadata: ["http.status": "503", "attempt": "2"])
        logger.info("Started")
        logger.debug("Detail")
        logger.trace("Finer")
        logger.notice("Noted")
        logger.error("Broken")
        logger.critical("Down")
        let lines = pipe.readAvailable().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines == [
                "<4>Fetch failed attempt=2 http.status=503 source.id=wire",
                "<6>Started source.id=wire",
                "<7>Detail source.id=wire",
                "<7>Finer source.id=wire",
                "<5>Noted source.id=wire",
                "<3>Broken source.id=wire",
                "<2>Down source.id=wire",
                "",
            ]
        )
    }

    @Test func newlinesAreEscapedSoOneEventIsOneLine() throws {
        let pipe = try Pipe()
        let logger = Logger(label: "t") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, format: .journal)
        }
        logger.error(
            "Hook failed\nsecond line",
            metadata: ["hook.stderr": "curl: (7) refused\r\n", "note": "a \"b\"=c"]
        )
        let output = pipe.readAvailable()
        #expect(
            output == "<3>Hook failed\\nsecond line hook.stderr=\"curl: (7) refused\\r\\n\" note=\"a \\\"b\\\"=c\"\n"
        )
    }

    @Test func levelsBelowTheLoggersLevelAreNotWritten() throws {
        let pipe = try Pipe()
        let logger = Logger(label: "t") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, format: .journal)
        }
        logger.debug("hidden")
        logger.info("shown")
        #expect(pipe.readAvailable() == "<6>shown\n")
    }

    @Test func humanLinesHaveATimestampLevelAndLabel() throws {
        let pipe = try Pipe()
        let logger = Logger(label: "factwatch.alerts") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, format: .human)
        }
        let before = Date()
        logger.notice("Hook delivered", metadata: ["hook": "pager"])
        let after = Date()
        let line = pipe.readAvailable()
        let parts = line.split(separator: " ", maxSplits: 1)
        let stamp = try #require(parts.first.map(String.init))
        let parsed = try #require(try? Date(stamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        #expect(parsed >= before.addingTimeInterval(-0.002) && parsed <= after.addingTimeInterval(0.002))
        #expect(parts.last == "notice factwatch.alerts: Hook delivered hook=pager\n")
    }

    @Test func errorsAndProvidedMetadataAreIncluded() throws {
        struct Failure: Error, CustomStringConvertible { let description = "disk full" }
        let pipe = try Pipe()
        let provider = Logger.MetadataProvider { ["task": "poll"] }
        let handler = JournaldLogHandler(
            label: "t",
            fileDescriptor: pipe.writeEnd,
            format: .journal,
            metadataProvider: provider
        )
        handler.log(
            event: LogEvent(
                level: .error,
                message: "Write failed",
                error: Failure(),
                metadata: ["path": "/var/lib/factwatch"],
                source: nil,
                file: #fileID,
                function: #function,
                line: #line
            )
        )
        #expect(pipe.readAvailable() == "<3>Write failed error=\"disk full\" path=/var/lib/factwatch task=poll\n")
    }

    @Test func theJournalFormatIsChosenWhenJournalStreamNamesTheDescriptor() throws {
        let pipe = try Pipe()
        let other = try Pipe()
        let stream = pipe.journalStreamValue()
        #expect(
            JournaldLogHandler.detectFormat(fileDescriptor: pipe.writeEnd, environment: ["JOURNAL_STREAM": stream])
                == .journal
        )
        #expect(
            JournaldLogHandler.detectFormat(fileDescriptor: other.writeEnd, environment: ["JOURNAL_STREAM": stream])
                == .human
        )
        #expect(JournaldLogHandler.detectFormat(fileDescriptor: pipe.writeEnd, environment: [:]) == .human)
        #expect(
            JournaldLogHandler.detectFormat(fileDescriptor: pipe.writeEnd, environment: ["JOURNAL_STREAM": "x"])
                == .human
        )

        let logger = Logger(label: "t") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, environment: ["JOURNAL_STREAM": stream])
        }
        logger.info("auto")
        #expect(pipe.readAvailable() == "<6>auto\n")
    }

    @Test func concurrentLoggersNeverInterleaveLines() async throws {
        let pipe = try Pipe()
        try #require(pipe.capacity >= 1 << 20, "the writers must not block on a full pipe")
        let logger = Logger(label: "t") {
            JournaldLogHandler(label: $0, fileDescriptor: pipe.writeEnd, format: .journal)
        }
        // Longer than PIPE_BUF: a handler that wrote a line in pieces would interleave; the enlarged pipe holds them all.
        let long = String(repeating: "x", count: 5000)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for index in 0..<3 { logger.info("\(long)", metadata: ["task": "\(task)", "i": "\(index)"]) }
                }
            }
        }
        let lines = pipe.readAvailable().split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.hasPrefix("<6>" + long + " i=") })
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(LogLineFormatter.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(LogLineFormatter.iso8601(Date(timeIntervalSince1970: 1_504_188_000.25)) == "2017-08-31T14:00:00.250Z")
        #expect(LogLineFormatter.iso8601(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }
}
