import Foundation
import Testing

@testable import Daemon

@Suite struct ChangeFormatterTests {
    @Test func tailLineStartsWithTheDetectionTime() {
        let detected = Date(timeIntervalSince1970: 1_504_188_000)
        #expect(ChangeFormatter.timestamp(detected) == "2017-08-31T14:00:00Z")
    }
}
