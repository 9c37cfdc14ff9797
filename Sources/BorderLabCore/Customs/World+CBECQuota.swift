/// The CBEC annual total (26,000 CNY per person per calendar year) when a parcel does not stay imported.
///
/// Caiguanshui [2016] No. 18, kept by Caiguanshui [2018] No. 49: goods returned within 30 days of customs release
/// have their tax refunded and the person's annual total adjusted; a seized parcel was never released, so it never
/// counts. (See the rule CN-CBEC-RETURNS-30.)
extension World {
    /// Days after customs release within which a return gives back the tax and the annual total.
    static let cbecReturnWindowDays = 30

    /// Takes `order`'s dutiable value off its customer's annual total (when it was counted in the current year)
    /// and clears the order's counted value, so `orders.cbec_dutiable_minor` shows what still counts.
    mutating func releaseCBECQuota(order id: Int) {
        let o = id - 1
        let counted = orders[o].cbecDutiableFen
        guard counted > 0 else { return }
        orders[o].cbecDutiableFen = 0
        let c = orders[o].customer - 1
        guard c < population.cbecYear.count, Int(population.cbecYear[c]) == date(orders[o].day).year else { return }
        population.cbecYearToDate[c] = max(0, population.cbecYearToDate[c] - counted)
    }

    /// The day customs released `order`'s parcel: the end of its hold if it was held, else the day it was placed
    /// (a parcel without a hold clears as it is declared).
    func customsReleaseDay(order id: Int) -> Int {
        customsBook.holds.last(where: { $0.orderID == id && $0.status != .seized })?.endDay ?? orders[id - 1].day
    }

    /// A CBEC return received today: within 30 days of release the customer's annual total goes down by it.
    mutating func returnCBECQuota(order id: Int) {
        guard day <= customsReleaseDay(order: id) + World.cbecReturnWindowDays else { return }
        releaseCBECQuota(order: id)
    }
}
