package org.vrs.extract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString()} for finite doubles (ECMA-262 "Number::toString",
 * as RFC 8785 section 3.2.2.3 requires). JDK 17's {@code Double.toString} is not always the
 * shortest round-tripping form and uses another layout, so the digits are derived here from the
 * exact binary value: for each precision, the two neighbouring decimals are tried and the closest
 * one that parses back to the same double wins (ties go to the even digit string, RFC 8785
 * Appendix B's 1424953923781206.2).
 */
final class EcmaScriptNumber {

    private EcmaScriptNumber() {
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0"; // also -0, per the specification
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal shortest = shortestRoundTripping(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        return layout(digits, k, n);
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String suffix = "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        return k == 1 ? digits + suffix : digits.charAt(0) + "." + digits.substring(1) + suffix;
    }

    private static BigDecimal shortestRoundTripping(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = parsesTo(down, value);
            boolean upFits = parsesTo(up, value);
            if (downFits && upFits) {
                return closer(exact, down, up);
            }
            if (downFits) {
                return down;
            }
            if (upFits) {
                return up;
            }
        }
        throw new IllegalStateException("17 significant digits always identify a double: " + value);
    }

    /**
     * Both neighbours can round-trip (among subnormals, 4e-324 and 5e-324 both do); the closer
     * wins, and an exact tie (possible at 17 digits) goes to the even digit string.
     */
    private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp != 0) {
            return cmp < 0 ? down : up;
        }
        return down.unscaledValue().testBit(0) ? up : down;
    }

    private static boolean parsesTo(BigDecimal candidate, double value) {
        return Double.parseDouble(candidate.toString()) == value;
    }
}
