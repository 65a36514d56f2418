/// When a block is made of links rather than prose: menus, "related" lists, tag clouds, pagination.
///
/// Thresholds follow trafilatura's link-density test: short blocks go when links carry most of their text or are
/// mostly tiny ("1 2 3 next"), and any block with several links and almost no other text is a link farm.
enum LinkDensityRule {
    static func isBoilerplate(_ totals: ContentScope.Totals, kind: PageModel.Kind) -> Bool {
        guard totals.links > 0, totals.letters > 0 else { return false }
        let density = totals.linkDensity
        // Link farm: several links and hardly any other text, unless each link is itself a long sentence.
        if totals.links > 4, density > 0.9, totals.linkLetters / totals.links < 100 { return true }
        let shortLimit: Int32 = kind == .paragraph ? 30 : 100
        if totals.letters < shortLimit {
            if density > 0.8 { return true }
            if totals.links > 1, Double(totals.shortLinks) / Double(totals.links) > 0.8 { return true }
        }
        // A list whose items are mostly links: "related stories", "more from".
        if kind == .list, density > 0.6, totals.commas < 4 { return true }
        return false
    }
}
