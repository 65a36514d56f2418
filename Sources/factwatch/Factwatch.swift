import ArgumentParser

@main
struct Factwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Watch news sources for facility status changes.")
    func run() async throws {}
}
