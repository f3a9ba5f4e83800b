package mlspark.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;
import mlspark.testing.ProjectData;

/** The report's table of published figures beside ours, from the project's expectations file. */
class ReportTest {
    @TempDir
    Path dir;

    @Test
    void publishedFigureBesideOursWithTheReasonWhereTheyDiffer() throws Exception {
        List<Published> figures = Expectations.published(ProjectData.root().resolve("conf/expectations.json"));
        JsonNode dual = Json.mapper().readTree("{\"assignment\": {\"table\": {\"circles\": {\"sigmoid\": 0.35}}},"
                + " \"runs\": [{}, {}, {}, {}, {}, {}, {\"dual_objective\": 53.15645988}]}");
        JsonNode nn = Json.mapper().readTree("{\"test_accuracy\": 0.9632}");
        Report report = new Report("t");
        report.published(figures, Map.of("dual", dual, "nn", nn));
        report.write(dir.resolve("report.md"));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| 0.4 | 0.3500 | **differs** |"), md);
        assertTrue(md.contains("status 'unknown' (dual objective 52.30)"), md);
        assertTrue(md.contains("| 52.3 | 53.1565 | **differs** |"), md);
        assertTrue(md.contains("| 0.963 | 0.9632 | same | the assignment (about 0.963) |  |"), md);
    }
}
