package mlspark.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.JobFailure;
import mlspark.cli.output.Json;

/**
 * The figures a reproduction must find, read from {@code conf/expectations.json}. The file is
 * written by hand from the published answers and our own verified runs; nothing regenerates it.
 */
public final class Expectations {
    private Expectations() {
    }

    public static List<Check> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw JobFailure.noInput(file, "no such expectations file");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw JobFailure.badFormat(file, "json", "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode checks = root.get("checks");
        if (checks == null || !checks.isArray()) {
            throw JobFailure.badFormat(file, "checks", "expected an array of checks");
        }
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            JsonNode c = checks.get(i);
            String field = "checks[" + i + "]";
            for (String required : new String[]{"id", "part", "path"}) {
                if (!c.hasNonNull(required)) {
                    throw JobFailure.badFormat(file, field + "." + required, "missing");
                }
            }
            Check check = new Check(c.get("id").asText(), c.get("part").asText(), c.get("path").asText(),
                    c.get("expected"), number(c, "tolerance"), number(c, "minimum"), number(c, "maximum"),
                    c.hasNonNull("source") ? c.get("source").asText() : "");
            if (check.expected() == null && check.minimum() == null && check.maximum() == null) {
                throw JobFailure.badFormat(file, field, "needs expected, minimum or maximum");
            }
            out.add(check);
        }
        return out;
    }

    /** The published figures listed under {@code published} (none when the file has no such list). */
    public static List<Published> published(Path file) {
        JsonNode list;
        try {
            list = Json.mapper().readTree(file.toFile()).path("published");
        } catch (IOException e) {
            throw JobFailure.badFormat(file, "json", "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        List<Published> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            for (String required : new String[]{"part", "path", "what", "figure", "source"}) {
                if (!p.hasNonNull(required)) {
                    throw JobFailure.badFormat(file, "published[" + i + "]." + required, "missing");
                }
            }
            out.add(new Published(p.get("part").asText(), p.get("path").asText(), p.get("what").asText(),
                    p.get("figure").asDouble(), p.path("tolerance").asDouble(0), p.get("source").asText(),
                    p.path("why").asText("")));
        }
        return out;
    }

    private static Double number(JsonNode c, String name) {
        return c.hasNonNull(name) ? c.get(name).asDouble() : null;
    }
}
