import Foundation
import TestSupport
import Testing

@testable import Alerts

@Suite struct ExecutableLocatorTests {
    @Test func bareNamesAreFoundInThePathInOrder() async throws {
        try await TemporaryDirectory.with { first in
            try await TemporaryDirectory.with { second in
                try second.write("#!/bin/sh\n", to: "tool", executable: true)
                try first.write("#!/bin/sh\n", to: "tool", executable: false)
                let found = ExecutableLocator.locate("tool", searchPath: "relative:\(first.path):\(second.path)")
                #expect(found == .success(second.file("tool")))
            }
        }
    }

    @Test func aNonExecutableMatchIsReportedAsPermissionDenied() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write("#!/bin/sh\n", to: "tool", executable: false)
            guard case .failure(let failure) = ExecutableLocator.locate("tool", searchPath: directory.path) else {
                Issue.record("a file without the execute bit must not be chosen")
                return
            }
            #expect(failure.description.contains("permission denied"))
            #expect(failure.description.contains(directory.file("tool")))
        }
    }

    @Test func missingProgramsAreNamed() {
        let name = "factwatch-missing-\(UUID().uuidString)"
        guard case .failure(let bare) = ExecutableLocator.locate(name, searchPath: "/usr/bin:/bin") else {
            Issue.record("expected a failure")
            return
        }
        #expect(bare.description == "no executable named \(name) in PATH (/usr/bin:/bin)")
        guard case .failure(let absolute) = ExecutableLocator.locate("/nonexistent/\(name)", searchPath: nil) else {
            Issue.record("expected a failure")
            return
        }
        #expect(absolute.description == "no such executable /nonexistent/\(name)")
    }

    @Test func directoriesAndRelativePathsAreRefused() {
        guard case .failure(let directory) = ExecutableLocator.locate("/tmp", searchPath: nil),
            case .failure(let relative) = ExecutableLocator.locate("bin/hook", searchPath: nil)
        else {
            Issue.record("expected failures")
            return
        }
        #expect(directory.description.contains("not a regular file"))
        #expect(relative.description.contains("absolute path"))
    }
}
