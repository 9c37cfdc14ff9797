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

    public init(goods: Money, tax: Money, scheme: String, dutiableFen: Int64, fee: Money? = nil) {
        self.goods = goods; self.tax = tax; self.scheme = scheme; self.dutiableFen = dutiableFen
        self.fee = fee ?? .zero(goods.currency)
    }

    /// What the shopper pays, net of cashback: goods + tax + fee.
    public var landed: Money { goods + tax + fee }
}

extension World {
    /// Local sales taxes for goods sold from stock already imported into an overseas warehouse (*assumption*:
    /// standard rates; US state sales tax left out).
    static func localSalesTaxBP(_ country: String) -> Int {
        switch country {
        case "DE": 1_900
        case "FR": 2_000
        case "IT": 2_200
        case "ES", "NL": 2_100
        case "JP": 1_000
        case "GB": 2_000
        case "AU": 1_000
        default: 0
        }
    }

    /// The checkout terms for `quantity` units of a product shipped from `location`, or nil when customs refuses it
    /// (China's limits or positive list) so the sale cannot happen.
    public func checkoutTerms(product: Product, country: String, customs: CustomsMode, location: String,
                              quantity: Int, customerYearToDate: Int64) -> CheckoutTerms? {
        guard var terms = baseCheckoutTerms(product: product, country: country, customs: customs, location: location,
                                            quantity: quantity, customerYearToDate: customerYearToDate) else { return nil }
        terms.fee = modeFee(goods: terms.goods, product: product)
        if let ci = scenario.customerCountries.firstIndex(of: country) {
            let surcharge = policySurchargeBP(countryIndex: ci)
            if surcharge > 0 {
                terms = CheckoutTerms(goods: terms.goods, tax: terms.tax + terms.goods.basisPoints(surcharge),
                                      scheme: terms.scheme + "+policy", dutiableFen: terms.dutiableFen, fee: terms.fee)
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
            let order = CBECOrder(
                date: date(), lines: [CBECLine(sku: product.id, taxClass: product.taxClass, positiveList: onPositiveList(product),
                                               quantity: quantity, unitPrice: unit)],
                freight: .zero(.CNY), insurance: .zero(.CNY), customerYearToDate: Money(minor: customerYearToDate, .CNY))
            switch CBECImportTax.assess(order, limits: cbecLimitsOverride) {
            case .retail(let tax, let dutiable):
                return CheckoutTerms(goods: goods, tax: tax, scheme: "cbec-retail", dutiableFen: dutiable.minor)
            case .singleItemFullDuty(let tax, let dutiable):
                return CheckoutTerms(goods: goods, tax: tax, scheme: "cbec-single-item", dutiableFen: dutiable.minor)
            case .refused:
                return nil
            }
        }
        if location.hasPrefix("overseas:") {
            let tax = goods.basisPoints(World.localSalesTaxBP(country))
            return CheckoutTerms(goods: goods, tax: tax, scheme: "\(country)-local-sale", dutiableFen: 0)
        }
        let parcel = ExportParcel(
            date: date(), destination: destination, origin: .CN,
            lines: [ExportLine(sku: product.id, category: product.category, hsSubheading: product.taxClass.hsSubheading,
                               quantity: quantity, unitPrice: unit)],
            shipping: .zero(destination.currency))
        let assessment = DestinationTax.assess(parcel)
        return CheckoutTerms(goods: goods, tax: assessment.vat + assessment.duty, scheme: assessment.scheme, dutiableFen: 0)
    }
}
