/// What an element's `class`, `id`, `role` and visibility attributes say about it: page furniture, article
/// container, or neither.
///
/// The class and id are read by ``NameSignals``; this type combines them with the role and the ways a page hides an
/// element.
struct ClassSignals: Sendable {
    /// Class, id or role marks the element as furniture (navigation, sharing, related links, ads, comments...).
    var isBoilerplate = false
    /// Class or id contains an article-ish word, which vetoes removal when the whole page is searched.
    var isPositive = false
    /// Readability's class weight: +25 for an article-ish class, −25 for a furniture-ish one, per attribute.
    var weight: Int16 = 0
    /// Class, `hidden`, `aria-hidden` or an inline style hides the element.
    var isHidden = false
    /// The ``ContainerFinder`` level the class, id or role suggest (1 to 5), 0 for none.
    var containerLevel: UInt8 = 0
    /// Class or id says the element holds a date line.
    var namesDate = false

    init() {}

    /// Combines what the class and id say with the element's role and visibility attributes.
    ///
    /// - Parameter idNamesArticle: The id is "story" or "article", which marks an article container outright.
    init(className: NameSignals?, id: NameSignals?, idNamesArticle: Bool, role: String?, hides: Bool) {
        for name in [className, id].compactMap({ $0 }) {
            if name.isFurniture { isBoilerplate = true }
            if name.isPositive {
                isPositive = true
                weight += 25
            }
            if name.isNegative { weight -= 25 }
            if name.namesDate { namesDate = true }
            if name.containerLevel > 0, containerLevel == 0 || name.containerLevel < containerLevel {
                containerLevel = name.containerLevel
            }
        }
        let role = role?.lowercased()
        if let role, ClassVocabulary.furnitureRoles.contains(role) { isBoilerplate = true }
        var level: UInt8 = 0
        if role == "article" || idNamesArticle {
            level = 3
        } else if role == "main" {
            level = 5
        }
        if level > 0, containerLevel == 0 || level < containerLevel { containerLevel = level }
        isHidden = hides || className?.hasHiddenClass == true
    }

    /// Reads the attributes as written (for tests and one-off use; pages go through ``PageModel``'s cache).
    init(className: String?, id: String?, role: String?, style: String?, hidden: Bool, ariaHidden: String?) {
        func signals(_ value: String?) -> NameSignals? {
            guard var value else { return nil }
            return value.withUTF8 { NameSignals($0) }
        }
        self.init(
            className: signals(className),
            id: signals(id),
            idNamesArticle: id.map { ["story", "article"].contains($0.lowercased()) } ?? false,
            role: role,
            hides: hidden || ariaHidden?.lowercased() == "true" || Self.styleHides(style)
        )
    }

    /// `display:none` or `visibility:hidden` in an inline style.
    static func styleHides(_ style: String?) -> Bool {
        guard var style else { return false }
        return style.withUTF8 { styleHides($0) }
    }

    /// `display:none` or `visibility:hidden` in an inline style, read from its bytes.
    static func styleHides(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard style.count >= 11 else { return false }
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where !byte.isASCIIWhitespace {
            compact.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return compact.withUnsafeBufferPointer { Self.hidingStyles.matches($0) }
    }

    private static let hidingStyles = FragmentMatcher(["display:none", "visibility:hidden"])
}
