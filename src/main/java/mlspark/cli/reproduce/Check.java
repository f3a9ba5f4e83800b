package mlspark.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expectation on a figure of a part's metrics.json: at {@code path} (a JSON pointer such as
 * {@code /runs/4/test_accuracy}), either {@code expected} (a number or an array of numbers
 * within {@code tolerance}, or a boolean), or a {@code minimum} and/or {@code maximum} to clear.
 */
public record Check(String id, String part, String path, JsonNode expected, Double tolerance, Double minimum,
                    Double maximum, String source) {

    /** What was found and the verdict on it. */
    public record Result(Check check, String got, Verdict verdict) {
    }

    public Result evaluate(JsonNode metrics) {
        JsonNode got = metrics == null ? null : metrics.at(path);
        if (got == null || got.isMissingNode()) {
            return new Result(this, "missing", Verdict.WRONG_SHAPE);
        }
        String shown = got.toString();
        if (expected != null && expected.isArray()) {
            if (!got.isArray()) {
                return new Result(this, shown, Verdict.WRONG_DTYPE);
            }
            if (got.size() != expected.size()) {
                return new Result(this, shown, Verdict.WRONG_SHAPE);
            }
            Verdict worst = Verdict.PASS;
            for (int i = 0; i < got.size(); i++) {
                Verdict v = scalar(got.get(i), expected.get(i).asDouble());
                if (v != Verdict.PASS && worst == Verdict.PASS) {
                    worst = v;
                }
            }
            return new Result(this, shown, worst);
        }
        return new Result(this, shown, scalar(got, expected == null ? Double.NaN : expected.asDouble()));
    }

    private Verdict scalar(JsonNode got, double want) {
        if (expected != null && expected.isBoolean()) {
            return !got.isBoolean() ? Verdict.WRONG_DTYPE
                    : got.asBoolean() == expected.asBoolean() ? Verdict.PASS : Verdict.OUT_OF_TOLERANCE;
        }
        // Jackson writes NaN and infinities as strings or bare tokens; both mean divergence here
        if (got.isTextual() && got.asText().matches("-?(NaN|Infinity)")) {
            return Verdict.DIVERGED;
        }
        if (!got.isNumber()) {
            return Verdict.WRONG_DTYPE;
        }
        double value = got.asDouble();
        if (!Double.isFinite(value)) {
            return Verdict.DIVERGED;
        }
        if (expected != null && Math.abs(value - want) > (tolerance == null ? 0 : tolerance)) {
            return Verdict.OUT_OF_TOLERANCE;
        }
        if ((minimum != null && value < minimum) || (maximum != null && value > maximum)) {
            return Verdict.NOT_GOOD_ENOUGH;
        }
        return Verdict.PASS;
    }

    /** How the expectation reads in the report. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (expected != null) {
            s.append(expected).append(" ± ").append(tolerance == null ? 0 : tolerance);
        }
        if (minimum != null) {
            s.append(s.length() > 0 ? ", " : "").append(">= ").append(minimum);
        }
        if (maximum != null) {
            s.append(s.length() > 0 ? ", " : "").append("<= ").append(maximum);
        }
        return s.toString();
    }
}
