/// Currency conversion on the shop's request (`borderlab fx convert`).
extension World {
    /// `fx-convert`: converts cash at the day's mid rate less the bank's spread (``FXMarket/spreadBP``), through FX
    /// clearing, rounding half-up once.
    ///
    /// - Throws: ``EngineError/conversionNotPositive(_:)``, ``EngineError/conversionSameCurrency(_:)``,
    ///   ``EngineError/conversionAboveCash(amount:held:)`` or ``EngineError/conversionTooSmall(amount:to:)``;
    ///   the world is then unchanged.
    mutating func convert(_ amount: Money, to currency: Currency) throws(EngineError) {
        guard amount.minor > 0 else { throw .conversionNotPositive(amount) }
        guard amount.currency != currency else { throw .conversionSameCurrency(currency) }
        let held = cash(amount.currency)
        guard amount <= held else { throw .conversionAboveCash(amount: amount, held: held) }
        let received = rates.convert(amount, to: currency, spreadBP: FXMarket.spreadBP)
        guard received.minor > 0 else { throw .conversionTooSmall(amount: amount, to: currency) }
        let id = riskBook.conversions.count + 1
        ledger.post(day: day, kind: .conversion, reference: id,
                    (.cash, -amount), (.fxClearing, amount), (.fxClearing, -received), (.cash, received))
        riskBook.conversions.append(FXConversion(
            id: id, day: day, from: amount, to: received, fromMidMicro: rates.mid(amount.currency),
            toMidMicro: rates.mid(currency), spreadBP: FXMarket.spreadBP))
        events.append(WorldEvent(day: day, kind: "fx-convert", detail: "converted \(amount) to \(received)"))
    }
}
