/// Competing sellers: the going price of a product, what other shops charge for the same or a similar item.
extension World {
    /// The going price of a product today, in the currency of its typical retail price.
    public func goingPrice(_ product: Product) -> Money { product.typicalRetail }
}
