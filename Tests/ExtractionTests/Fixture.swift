import Foundation

/// Reads the hand-written pages in `Fixtures/`, which the test target copies as resources.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is not in the test bundle's Fixtures directory" }
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
