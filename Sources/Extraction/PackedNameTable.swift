/// An open-addressing hash table from names packed into a `UInt64` to small numbers: a lookup is one multiply
/// and usually one comparison.
struct PackedNameTable: Sendable {
    /// Up to eight bytes as one integer, the table's key.
    static func pack(_ bytes: some Collection<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    private var keys = [UInt64](repeating: 0, count: 512)
    private var values = [UInt16](repeating: 0, count: 512)

    mutating func insert(_ key: UInt64, value: UInt16) {
        var slot = Self.slot(key)
        while keys[slot] != 0 { slot = (slot + 1) & 511 }
        keys[slot] = key
        values[slot] = value
    }

    func find(_ key: UInt64) -> UInt16? {
        guard key != 0 else { return nil }
        var slot = Self.slot(key)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & 511
        }
    }

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }
}
