package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class ReadableTest {
    @Test
    void sixSignificantDigitsInFewCharacters() {
        double[] values = {498.0497, 21.328912345, 0.5417, -0.14, 100000, 1234567.89, 3.5e-7, -2.2e-300, 1e300,
                -7.654321e299, Double.MAX_VALUE, 0};
        for (double v : values) {
            String s = Readable.number(v);
            double sixDigits = new BigDecimal(v).round(new MathContext(6)).doubleValue();
            assertEquals(sixDigits, Double.parseDouble(s), s);
            assertTrue(s.length() <= 13, s);
            String mantissa = s.split("e")[0];
            assertFalse(mantissa.contains(".") && mantissa.endsWith("0"), s);
            assertFalse(mantissa.endsWith("."), s);
        }
        assertEquals("498.05", Readable.number(498.0497));
        assertEquals("1e+300", Readable.number(1e300));
        assertEquals("NaN", Readable.number(Double.NaN));
    }
}
