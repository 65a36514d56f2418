public import Core
import Fetching

/// The order in which a pass starts its sources: one source per host in turn.
///
/// The fetcher lets only a few transfers run against one host and spaces their starts, so a pass that started a
/// site's hundred pages first would have every worker waiting on that site while other sites sat idle. Taking the
/// hosts in turn keeps every host busy from the start; within a host the configured order is kept. Files count as
/// one host.
public enum HostInterleaving {
    /// Indexes into `sources`, in start order.
    public static func order(_ sources: [Source]) -> [Int] {
        var queues: [String: [Int]] = [:]
        var hosts: [String] = []
        for (index, source) in sources.enumerated() {
            let host = HostName.of(source.url) ?? ""
            if queues[host] == nil { hosts.append(host) }
            queues[host, default: []].append(index)
        }
        guard hosts.count > 1 else { return Array(sources.indices) }
        var order: [Int] = []
        order.reserveCapacity(sources.count)
        var round = 0
        while !hosts.isEmpty {
            for host in hosts {
                order.append(queues[host]![round])
            }
            round += 1
            hosts.removeAll { round >= queues[$0]!.count }
        }
        return order
    }

}
