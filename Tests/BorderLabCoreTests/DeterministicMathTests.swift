import Foundation
import Testing
@testable import BorderLabCore

/// The engine's own `exp` and `log` (DESIGN.md invariant 2): close to the true values, and fixed bit for bit, so a
/// change to them is caught here before it silently changes every world.
@Suite struct DeterministicMathTests {
    /// Distance in units in the last place between two finite doubles of the same sign.
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = a.bitPattern, y = b.bitPattern
        return x > y ? x - y : y - x
    }

    /// Every input the engine can give (choice utilities of −50…50, logs of ratios and of 1 − u) stays within
    /// 2 ulps of the platform's libm, which is itself within 1 ulp of the truth.
    @Test func expIsWithinTwoUlpsOfLibm() {
        var worst: UInt64 = 0
        var x = -60.0
        while x <= 60 {
            worst = max(worst, Self.ulps(DeterministicMath.exp(x), Foundation.exp(x)))
            x += 0.000_731
        }
        #expect(worst <= 2)
        #expect(DeterministicMath.exp(0) == 1)
        #expect(Self.ulps(DeterministicMath.exp(1), 2.718281828459045) <= 1)
        #expect(DeterministicMath.exp(800) == .infinity)
        #expect(DeterministicMath.exp(-800) == 0)
        #expect(DeterministicMath.exp(.nan).isNaN)
    }

    @Test func logIsWithinTwoUlpsOfLibm() {
        var worst: UInt64 = 0
        var x = 1e-12
        while x < 1e12 {
            worst = max(worst, Self.ulps(DeterministicMath.log(x), Foundation.log(x)))
            x *= 1.000_37
        }
        // Near 1, where log's result is tiny, compare in absolute terms (relative ulps blow up at the zero).
        var u = 0.0
        var nearOne = 0.0
        while u < 1 {
            nearOne = max(nearOne, abs(DeterministicMath.log(1 - u) - Foundation.log(1 - u)))
            u += 0.000_917
        }
        #expect(worst <= 2)
        #expect(nearOne < 1e-15)
        #expect(DeterministicMath.log(1) == 0)
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(-1).isNaN)
        #expect(DeterministicMath.log(.infinity) == .infinity)
        #expect(abs(DeterministicMath.log(5e-324) - Foundation.log(5e-324)) < 1e-12, "subnormals are handled")
    }

    /// Pinned bit patterns: whatever the platform or optimisation level, these inputs give exactly these results.
    /// Changing the functions changes worlds, so it needs a new engine version (and new pins here and in the golden
    /// digests). The pins agree with libm to within an ulp or two (the test above); they are not libm's own bits.
    @Test(arguments: [
        (-3.75, 0x3f98_1509_354f_0d29 as UInt64), (-0.5, 0x3fe3_68b2_fc6f_960a), (0.1, 0x3ff1_aec7_b35a_00d4),
        (0.6931471805599453, 0x4000_0000_0000_0000), (2.5, 0x4028_5d6f_d931_e0bb), (17.25, 0x417d_9429_5464_477b),
        (-41.0, 0x3c3c_d480_a1b7_4820),
    ])
    func expIsPinned(x: Double, bits: UInt64) {
        #expect(DeterministicMath.exp(x).bitPattern == bits)
    }

    @Test(arguments: [
        (0.05, 0xc007_f742_7b73_e391 as UInt64), (0.3, 0xbff3_4378_fcbd_a721), (0.95, 0xbfaa_431d_5bcc_193f),
        (1.5, 0x3fd9_f323_ecbf_984c), (2.0, 0x3fe6_2e42_fefa_39ef), (123.456, 0x4013_4377_4f3e_2362),
        (1e-9, 0xc034_b927_f32b_ffb8),
    ])
    func logIsPinned(x: Double, bits: UInt64) {
        #expect(DeterministicMath.log(x).bitPattern == bits)
    }
}
