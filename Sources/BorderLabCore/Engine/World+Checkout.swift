/// What a shopper in one country pays at checkout for some units of a product, and under which tax regime.
public struct CheckoutTerms: Sendable, Equatable {
    /// Goods value in the shopper's currency.
    public let goods: Money
    /// Tax and duty collected at checkout, in the shopper's currency.
    public let tax: Money
    public let scheme: String
    /// China CBEC dutiable value in fen (0 outside cn-import), counted toward the shopper's annual limit.
    public let dutiableFen: Int64
    /// What the mode adds: a daigou service fee (positive) or a rebate site's cashback (negative).
    public var fee: Money
    /// The VAT, consumption-tax and tariff rates the tax was computed at (orders record them).
    public let rates: AppliedRates

    public init(goods: Money, tax: Money, scheme: String, dutiableFen: Int64, fee: Money? = nil, rates: AppliedRates = .none) {
        self.goods = goods; self.tax = tax; self.scheme = scheme; self.dutiableFen = dutiableFen
        self.fee = fee ?? .zero(goods.currency)
        self.rates = rates
    }

    /// What the shopper pays, net of cashback: goods + tax + fee.
    public var landed: Money { goods + tax + fee }
}

extension World {
    /// The checkout terms for `quantity` units of a product shipped from `location`, or nil when customs refuses it
    /// (China's limits or positive list) so the sale cannot happen.
    public func checkoutTerms(product: Product, country: String, customs: CustomsMode, location: String,
                              quantity: Int, customerYearToDate: Int64) -> CheckoutTerms? {
        guard var terms = baseCheckoutTerms(product: product, country: country, customs: customs, location: location,
                                            quantity: quantity, customerYearToDate: customerYearToDate) else { return nil }
        terms.fee = modeFee(goods: terms.goods, product: product)
        // An instructor's extra duty is a border measure: a sale from stock already in an overseas warehouse (9810)
        // crossed the border before it and never pays it.
        if let ci = scenario.customerCountries.firstIndex(of: country), !location.hasPrefix("overseas:") {
            let surcharge = policySurchargeBP(countryIndex: ci)
            if surcharge > 0 {
                let rates = AppliedRates(vatBP: terms.rates.vatBP, consumptionBP: terms.rates.consumptionBP,
                                         tariffBP: terms.rates.tariffBP + surcharge)
                terms = CheckoutTerms(goods: terms.goods, tax: terms.tax + terms.goods.basisPoints(surcharge),
                                      scheme: terms.scheme + "+policy", dutiableFen: terms.dutiableFen, fee: terms.fee, rates: rates)
            }
        }
        return terms
    }

    /// The terms by the rule book alone, before the mode's fee and any instructor policy change.
    func baseCheckoutTerms(product: Product, country: String, customs: CustomsMode, location: String,
                           quantity: Int, customerYearToDate: Int64) -> CheckoutTerms? {
        let price = listing(product.id)?.price ?? product.typicalRetail
        guard let destination = Country.named(country) else { return nil }
        let unit = rates.convert(price, to: destination.currency)
        let goods = unit * quantity
        if scenario.isImport {
            let order = cbecOrder(product: product, unit: unit, quantity: quantity, customerYearToDate: customerYearToDate)
            switch CBECImportTax.assess(order, limits: cbecLimitsOverride) {
            case .retail(let tax, let dutiable):
                return CheckoutTerms(goods: goods, tax: tax, scheme: "cbec-retail", dutiableFen: dutiable.minor,
                                     rates: CBECImportTax.lineRates(order, limits: cbecLimitsOverride)[0])
            case .singleItemFullDuty(let tax, let dutiable):
                return CheckoutTerms(goods: goods, tax: tax, scheme: "cbec-single-item", dutiableFen: dutiable.minor,
                                     rates: CBECImportTax.lineRates(order, limits: cbecLimitsOverride)[0])
            case .refused:
                return nil
            }
        }
        if location.hasPrefix("overseas:") {
            // The rule book's rate of the day and the good's band (one source of truth with the border taxes).
            let rateBP = DestinationTax.localSaleTaxBP(destination: destination, category: product.category, on: date())
            return CheckoutTerms(goods: goods, tax: goods.basisPoints(rateBP), scheme: "\(country)-local-sale", dutiableFen: 0,
                                 rates: AppliedRates(vatBP: rateBP))
        }
        let parcel = ExportParcel(
            date: date(), destination: destination, origin: .CN,
            lines: [ExportLine(sku: product.id, category: product.category, hsSubheading: product.hsSubheading,
                               quantity: quantity, unitPrice: unit)],
            shipping: .zero(destination.currency))
        let assessment = DestinationTax.assess(parcel)
        return CheckoutTerms(goods: goods, tax: assessment.vat + assessment.duty, scheme: assessment.scheme, dutiableFen: 0,
                             rates: assessment.rates)
    }
}

extension World {
    /// China's statutory import rates for one unit of `product` on the world's date at the price the shop charges
    /// (its listing, else the typical retail, in CNY): VAT of the day, consumption tax by subheading and price line,
    /// and the MFN tariff that applies only to a single item above the per-transaction limit. `products` shows these.
    public func chinaImportRates(_ product: Product) -> AppliedRates {
        let price = rates.convert(listing(product.id)?.price ?? product.typicalRetail, to: .CNY)
        let today = date()
        let ct = RuleBook.cnConsumptionTaxBP(hs: product.hsSubheading, content: product.content,
                                             unitBase: Rational(Int128(price.minor)), on: today)
        let vat = RuleBook.chinaVAT.value(on: today) == nil ? product.taxClass.vatBP : RuleBook.chinaVATBP(for: product.taxClass, on: today)
        return AppliedRates(vatBP: vat, consumptionBP: ct.rateBP, tariffBP: product.taxClass.tariffBP)
    }
}

extension World {
    /// The CBEC order a checkout declares: one line at the shop's price in CNY, no freight or insurance charged.
    func cbecOrder(product: Product, unit: Money, quantity: Int, customerYearToDate: Int64) -> CBECOrder {
        CBECOrder(date: date(), lines: [CBECLine(sku: product.id, taxClass: product.taxClass, positiveList: onPositiveList(product),
                                                 quantity: quantity, unitPrice: unit, hsSubheading: product.hsSubheading,
                                                 content: product.content)],
                  freight: .zero(.CNY), insurance: .zero(.CNY), customerYearToDate: Money(minor: customerYearToDate, .CNY))
    }

    /// Why China's customs would refuse `quantity` units of `product` at the shop's price for a customer who has
    /// imported `customerYearToDate` fen this year (positive list, per-transaction or annual limit), or nil when the
    /// sale may clear as CBEC retail or when the world does not import into China. Quotes state it. The limits are
    /// those in force on the world's date (``cbecLimitsInForce``): an instructor's event counts, as it does at checkout.
    public func cbecRefusal(product: Product, quantity: Int, customerYearToDate: Int64) -> CBECRefusal? {
        guard scenario.isImport else { return nil }
        let unit = rates.convert(listing(product.id)?.price ?? product.typicalRetail, to: .CNY)
        if case .refused(let why) = CBECImportTax.assess(cbecOrder(product: product, unit: unit, quantity: quantity,
                                                                   customerYearToDate: customerYearToDate),
                                                         limits: cbecLimitsOverride) {
            return why
        }
        return nil
    }
}
