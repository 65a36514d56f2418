public import Core

/// `factwatch facilities`: one row per facility, columns aligned for a terminal.
public enum FacilityTable {
    public static func render(_ records: [FacilityRecord]) -> String {
        guard !records.isEmpty else { return "No facilities yet: run a pass (`factwatch once`) first." }
        let header = ["FACILITY", "STATUS", "DEADLINE", "AS OF", "SOURCE", "NAME"]
        let rows = records.map { record in
            [
                record.key.rawValue, record.state.status.rawValue, record.state.deadline?.value?.iso ?? "-",
                record.asOf?.iso ?? "-", record.source, record.facility.name,
            ]
        }
        return Table.render(header: header, rows: rows)
    }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(to: widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
