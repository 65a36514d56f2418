public import Facts
import Foundation

extension Configuration {
    /// The built-in lexicon, with the configured `lexicon` file merged in when there is one.
    ///
    /// - Throws: ``ConfigurationError`` naming the lexicon file and what is wrong in it.
    public func loadLexicon() throws(ConfigurationError) -> Lexicon {
        guard let lexicon else { return .builtin }
        let text: String
        do {
            text = try String(contentsOfFile: lexicon, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                path: path ?? lexicon,
                issues: [
                    .init(line: nil, key: "lexicon", message: "cannot read \(lexicon): \(error.localizedDescription)")
                ]
            )
        }
        do {
            return Lexicon.builtin.merging(try Lexicon(toml: text, origin: lexicon))
        } catch {
            throw ConfigurationError(path: lexicon, issues: [.init(line: nil, key: "", message: "\(error)")])
        }
    }
}
