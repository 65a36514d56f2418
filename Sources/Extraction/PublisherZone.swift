internal import Core

/// The time zone a publisher most likely keeps its clocks in, guessed from the page's country and language, so that
/// a UTC timestamp can be read as the publisher's local calendar day.
///
/// Only a last resort: ``PublicationDateFinder`` first looks for an offset or a local date the page states itself.
/// Countries spanning several zones get the one most of their national press writes in (Eastern time for the
/// United States and Canada, Sydney for Australia, Moscow for Russia). Daylight saving follows the current rules of
/// Europe, North America, south-east Australia and New Zealand.
struct PublisherZone: Hashable, Sendable {
    enum DaylightRule: Hashable, Sendable {
        case none
        /// Last Sunday of March to last Sunday of October, at 01:00 UTC.
        case europe
        /// Second Sunday of March to first Sunday of November, at 02:00 local time.
        case northAmerica
        /// First Sunday of October to first Sunday of April, at 02:00 local standard time.
        case southeastAustralia
        /// Last Sunday of September to first Sunday of April, at 02:00 local standard time.
        case newZealand
    }

    /// Minutes east of UTC outside daylight saving time.
    var standardMinutes: Int
    var rule: DaylightRule = .none

    /// The offset in minutes east of UTC at a UTC date and time.
    func offset(atUTC instant: LocalDateTime) -> Int {
        guard rule != .none, let minuteOfDay = instant.minuteOfDay else { return standardMinutes }
        let year = instant.date.year
        let now = instant.date.dayNumber * 1440 + minuteOfDay
        func at(_ date: CivilDate, localHour: Int, offset: Int) -> Int {
            date.dayNumber * 1440 + localHour * 60 - offset
        }
        let summer = standardMinutes + 60
        switch rule {
        case .none:
            return standardMinutes
        case .europe:
            let start = at(Self.lastSunday(year, 3), localHour: 1, offset: 0)
            let end = at(Self.lastSunday(year, 10), localHour: 1, offset: 0)
            return now >= start && now < end ? summer : standardMinutes
        case .northAmerica:
            let start = at(Self.sunday(year, 3, number: 2), localHour: 2, offset: standardMinutes)
            let end = at(Self.sunday(year, 11, number: 1), localHour: 2, offset: summer)
            return now >= start && now < end ? summer : standardMinutes
        case .southeastAustralia:
            let end = at(Self.sunday(year, 4, number: 1), localHour: 3, offset: summer)
            let start = at(Self.sunday(year, 10, number: 1), localHour: 2, offset: standardMinutes)
            return now < end || now >= start ? summer : standardMinutes
        case .newZealand:
            let end = at(Self.sunday(year, 4, number: 1), localHour: 3, offset: summer)
            let start = at(Self.lastSunday(year, 9), localHour: 2, offset: standardMinutes)
            return now < end || now >= start ? summer : standardMinutes
        }
    }

    /// The `number`-th Sunday of a month.
    static func sunday(_ year: Int, _ month: Int, number: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let toSunday = (7 - first.weekday) % 7
        return first.adding(days: toSunday + 7 * (number - 1))
    }

    static func lastSunday(_ year: Int, _ month: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: 1)!.endOfMonth
        return last.adding(days: -(last.weekday % 7))
    }

    // MARK: - Guessing

    /// The zone of the page's country (from the host's country-code domain, else a locale's region), else of its
    /// language when one zone dominates it; `nil` when nothing says.
    ///
    /// - Parameters:
    ///   - host: The page's host name.
    ///   - locales: Language tags the page declares ("en-US", "fr_CA", "ru"), most specific source first.
    static func guess(host: String?, locales: [String]) -> PublisherZone? {
        if let host, let country = countryOfDomain(host), let zone = countries[country] { return zone }
        let tags = locales.map { $0.lowercased().replacing("_", with: "-").split(separator: "-").map(String.init) }
        for tag in tags where tag.count >= 2 && tag[1].count == 2 {
            if let zone = countries[tag[1]] { return zone }
        }
        for tag in tags {
            if let language = tag.first, let zone = languages[language] { return zone }
        }
        return nil
    }

    /// The country of a country-code top-level domain ("www.example.com.au" → "au"), except the codes sold as
    /// generic names (".io", ".tv", ".co").
    static func countryOfDomain(_ host: String) -> String? {
        guard let last = host.lowercased().split(separator: ".").last, last.count == 2 else { return nil }
        let code = String(last)
        guard !genericCountryDomains.contains(code) else { return nil }
        return code == "uk" ? "gb" : code
    }

    private static let genericCountryDomains: Set<String> = [
        "io", "co", "tv", "me", "fm", "ai", "ly", "to", "cc", "ws", "gg", "am", "nu", "tk", "ms", "la", "sh", "ac",
        "vc", "is",
    ]

    private static let countries: [String: PublisherZone] = {
        var table: [String: PublisherZone] = [:]
        func add(_ minutes: Int, _ rule: DaylightRule, _ codes: [String]) {
            for code in codes { table[code] = PublisherZone(standardMinutes: minutes, rule: rule) }
        }
        add(
            60,
            .europe,
            [
                "at", "be", "ch", "cz", "de", "dk", "es", "fr", "hr", "hu", "it", "lu", "mt", "nl", "no", "pl", "se",
                "si", "sk", "rs", "ba", "me", "mk", "al", "ad", "mc", "li", "sm", "va", "xk",
            ]
        )
        add(0, .europe, ["gb", "ie", "pt", "fo"])
        add(120, .europe, ["bg", "cy", "ee", "fi", "gr", "lt", "lv", "ro", "ua", "md", "il"])
        add(0, .none, ["gh", "sn", "ci"])
        add(60, .none, ["ng", "dz", "tn", "ma", "cm"])
        add(120, .none, ["eg", "za", "ly", "zw", "rw"])
        add(180, .none, ["ru", "by", "tr", "sa", "qa", "kw", "bh", "iq", "ke", "et", "ug", "tz", "jo", "sy"])
        add(210, .none, ["ir"])
        add(240, .none, ["ae", "om", "az", "ge", "am"])
        add(270, .none, ["af"])
        add(300, .none, ["pk", "uz"])
        add(330, .none, ["in", "lk"])
        add(345, .none, ["np"])
        add(360, .none, ["bd", "kz", "kg"])
        add(420, .none, ["th", "vn", "id", "kh", "la"])
        add(480, .none, ["cn", "hk", "mo", "tw", "sg", "my", "ph"])
        add(540, .none, ["jp", "kr"])
        add(600, .southeastAustralia, ["au"])
        add(720, .newZealand, ["nz"])
        add(-300, .northAmerica, ["us", "ca"])
        add(-360, .none, ["mx", "gt", "sv", "hn", "ni", "cr"])
        add(-300, .none, ["co", "pe", "ec", "pa", "jm"])
        add(-240, .none, ["ve", "bo", "do", "pr", "cl"])
        add(-180, .none, ["br", "ar", "uy"])
        return table
    }()

    /// Languages written mostly in one zone.
    private static let languages: [String: PublisherZone] = {
        var table: [String: PublisherZone] = [:]
        func add(_ minutes: Int, _ rule: DaylightRule, _ codes: [String]) {
            for code in codes { table[code] = PublisherZone(standardMinutes: minutes, rule: rule) }
        }
        add(
            60,
            .europe,
            [
                "de", "fr", "it", "nl", "pl", "cs", "sk", "hu", "hr", "sl", "sr", "bs", "mk", "sq", "sv", "da", "no",
                "nb", "nn",
            ]
        )
        add(120, .europe, ["el", "ro", "bg", "fi", "et", "lt", "lv", "uk", "he"])
        add(180, .none, ["ru", "be", "tr"])
        add(210, .none, ["fa"])
        add(420, .none, ["th", "vi", "id"])
        add(480, .none, ["zh", "ms"])
        add(540, .none, ["ja", "ko"])
        return table
    }()
}
