/// `exp` and `log` built from IEEE-754 basic arithmetic only, so that every platform computes the same bits.
///
/// libm's `exp` and `log` are allowed to differ in the last bit between glibc, Apple's libm and Windows' CRT,
/// and one differing bit in a choice weight can flip a customer's choice and so change a whole world. Addition,
/// subtraction, multiplication, division and `squareRoot()` are correctly rounded everywhere (IEEE-754), and Swift
/// never fuses `a * b + c` into an FMA on its own, so code made only of them gives identical results on Linux,
/// macOS and Windows, on x86-64 and arm64 (DESIGN.md invariant 2). Accuracy is within a few ulps of the true value,
/// far finer than anything the engine's economics can notice.
public enum DeterministicMath {
    /// ln 2 split in two so that `k × ln2Hi` is exact for |k| < 2¹¹ (the low 32 bits of ln2Hi are zero).
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let log2e = 1.44269504088896338700e+00

    /// e raised to `x`.
    ///
    /// Range reduction x = k·ln 2 + r with |r| ≤ ln 2 / 2, then a degree-13 Taylor polynomial of e^r
    /// (remainder below 2⁻⁵⁶ on that interval) evaluated by Horner's rule, then scaling by 2^k built from bits.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let kDouble = (x * log2e).rounded(.toNearestOrEven)
        let k = Int(kDouble)
        let r = (x - kDouble * ln2Hi) - kDouble * ln2Lo
        // Horner over the coefficients 1/n!: each constant is folded at compile time by one correctly rounded division.
        var p = 1.0 / 6_227_020_800.0
        p = 1.0 / 479_001_600.0 + r * p
        p = 1.0 / 39_916_800.0 + r * p
        p = 1.0 / 3_628_800.0 + r * p
        p = 1.0 / 362_880.0 + r * p
        p = 1.0 / 40_320.0 + r * p
        p = 1.0 / 5_040.0 + r * p
        p = 1.0 / 720.0 + r * p
        p = 1.0 / 120.0 + r * p
        p = 1.0 / 24.0 + r * p
        p = 1.0 / 6.0 + r * p
        p = 0.5 + r * p
        p = 1.0 + r * p
        p = 1.0 + r * p
        return scale(p, byPowerOfTwo: k)
    }

    /// The natural logarithm of `x` (−∞ at 0, NaN below 0).
    ///
    /// x = m·2^e with m in [√2/2, √2); ln m = 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716, summed as the
    /// odd series s + s³/3 + s⁵/5 + … to s²³/23 (remainder below 2⁻⁵⁸); then e·ln 2 added in two parts.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var m = x
        var e = 0
        if m < Double.leastNormalMagnitude {
            m *= 18014398509481984.0 // 2⁵⁴: make a subnormal normal
            e -= 54
        }
        e += Int(m.exponent)
        m = Double(sign: .plus, exponent: 0, significand: m.significand) // in [1, 2)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        // Horner over the odd series: s(1 + s²(1/3 + s²(1/5 + … + s²/23)))
        var sum = 1.0 / 23.0
        sum = 1.0 / 21.0 + s2 * sum
        sum = 1.0 / 19.0 + s2 * sum
        sum = 1.0 / 17.0 + s2 * sum
        sum = 1.0 / 15.0 + s2 * sum
        sum = 1.0 / 13.0 + s2 * sum
        sum = 1.0 / 11.0 + s2 * sum
        sum = 1.0 / 9.0 + s2 * sum
        sum = 1.0 / 7.0 + s2 * sum
        sum = 1.0 / 5.0 + s2 * sum
        sum = 1.0 / 3.0 + s2 * sum
        sum = 1.0 + s2 * sum
        let lnM = 2 * s * sum
        let ed = Double(e)
        return (ed * ln2Hi + (lnM + ed * ln2Lo))
    }

    /// `value × 2^k`, exact (no rounding) while the result is a normal number.
    static func scale(_ value: Double, byPowerOfTwo k: Int) -> Double {
        if k > 1023 { return scale(value * 0x1p1023, byPowerOfTwo: k - 1023) }
        if k < -1022 { return scale(value * 0x1p-1022, byPowerOfTwo: k + 1022) }
        return value * Double(sign: .plus, exponent: k, significand: 1)
    }
}
