package dev.portcullis.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Python's {@code str()} of a JSON value, as DRF's fields turn a client's value into text before they read it
 * ({@code str(data)}) or quote it in a message: {@code True}, {@code None}, an integer as written, and a float as
 * Python writes it — {@code 1e+20}, {@code 100.0}, {@code 1e-05}, {@code inf} — where Java would write
 * {@code 1.0E20}, {@code 1.0E-5} or {@code Infinity}.
 */
public final class PythonStr {

    /** Python's {@code repr(float)} writes a float's digits with a decimal point while its exponent is in this range. */
    private static final int LEAST_FIXED_EXPONENT = -4;
    private static final int MOST_FIXED_EXPONENT = 16;

    private PythonStr() {
    }

    public static String of(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        if (value.isFloatingPointNumber()) {
            return ofFloat(value.doubleValue());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Python's {@code repr(float)}: the shortest digits that read back as the same double. */
    public static String ofFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = value < 0 || 1 / value < 0 ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale();  // the value is 0.<digits> × 10^point
        if (point <= LEAST_FIXED_EXPONENT || point > MOST_FIXED_EXPONENT) {
            int exponent = point - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
