/// How far along a facility's life cycle a status is, to pick the current one among several in one article.
///
/// The order encodes what news copy does: an order comes before the closure, a closure before a reopening, so
/// "ordered to close … closed on Saturday" means `closed`. `opened` ranks lowest because a same-facility mention
/// of an opening is almost always background ("opened in 1972"). Statuses a user adds in the lexicon rank with
/// `ordered_closed`, after staff cuts and before any completed event.
public enum StatusPrecedence {
    public static func rank(_ status: Status) -> Int {
        switch status {
        case .opened: 0
        case .staffCut: 1
        case .orderedClosed: 2
        case .evacuated, .suspended: 3
        case .seized: 4
        case .closed, .relocated: 5
        case .restored, .reopened: 6
        default: 2
        }
    }
}
