/// Why a recipe's text does not parse.
struct RecipeSyntaxError: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
