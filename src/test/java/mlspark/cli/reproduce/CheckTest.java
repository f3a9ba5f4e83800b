package mlspark.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;

class CheckTest {
    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verdict(String expected, Double tolerance, Double minimum, String metrics) {
        Check check = new Check("c", "p", "/v", expected == null ? null : json(expected), tolerance, minimum, null, "");
        return check.evaluate(json(metrics)).verdict();
    }

    @Test
    void verdictsFollowTheAutogradersCodes() {
        assertEquals(Verdict.PASS, verdict("[1, 2]", 1e-9, null, "{\"v\": [1, 2.0000000001]}"));
        assertEquals(Verdict.OUT_OF_TOLERANCE, verdict("[1, 2]", 1e-9, null, "{\"v\": [1, 2.1]}"));
        assertEquals(Verdict.WRONG_SHAPE, verdict("[1, 2]", 1e-9, null, "{\"v\": [1, 2, 3]}"));
        assertEquals(Verdict.WRONG_SHAPE, verdict("[1, 2]", 1e-9, null, "{\"w\": [1, 2]}"));
        assertEquals(Verdict.WRONG_DTYPE, verdict("[1, 2]", 1e-9, null, "{\"v\": 1}"));
        assertEquals(Verdict.WRONG_DTYPE, verdict("1", 1e-9, null, "{\"v\": \"one\"}"));
        assertEquals(Verdict.DIVERGED, verdict("1", 1e-9, null, "{\"v\": \"NaN\"}"));
        assertEquals(Verdict.DIVERGED, verdict("[1, 2]", 1e-9, null, "{\"v\": [1, \"Infinity\"]}"));
        assertEquals(Verdict.NOT_GOOD_ENOUGH, verdict(null, null, 0.96, "{\"v\": 0.95}"));
        assertEquals(Verdict.PASS, verdict(null, null, 0.96, "{\"v\": 0.97}"));
        assertEquals(53, Verdict.OUT_OF_TOLERANCE.exitCode());
        assertEquals(60, Verdict.NOT_GOOD_ENOUGH.exitCode());
    }
}
