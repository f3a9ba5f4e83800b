package mlspark.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;

/**
 * {@code CompareMetrics A B FIELD}: exit 0 when field FIELD of two metrics.json files is equal
 * (numbers bit for bit), else print both and exit 1. Used by submit/standalone.
 */
public final class CompareMetrics {
    private CompareMetrics() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CompareMetrics A.json B.json FIELD");
            System.exit(64);
        }
        JsonNode a = Json.read(Path.of(args[0])).get(args[2]);
        JsonNode b = Json.read(Path.of(args[1])).get(args[2]);
        if (a == null || !a.equals(b)) {
            System.err.println("differ: " + args[2] + "\n  " + args[0] + ": " + a + "\n  " + args[1] + ": " + b);
            System.exit(1);
        }
    }
}
