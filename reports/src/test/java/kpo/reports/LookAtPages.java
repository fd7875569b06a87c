package kpo.reports;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import kpo.reports.charts.ChartImages;
import kpo.reports.fixtures.FixturePack;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name does not end in Test): writes the fixture's trust and CSU packs, the
 * 100-measure benchmark pack and a PNG of every fixture chart to {@code target/look}, for a person to
 * look at and to refresh the reviewed page images in {@code docs/}. Run it on purpose:
 * {@code mvn -B -o -q -pl reports test -Dtest=LookAtPages -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LookAtPages {

    @Test
    void write() throws Exception {
        Path out = Paths.get("target", "look");
        Files.createDirectories(out);
        BoardPack pack = FixturePack.trust();
        Files.write(out.resolve("board-pack.pdf"), BoardPackPdf.trust(pack));
        for (String csu : pack.csus()) {
            Files.write(out.resolve(BoardPackPdf.fileName(csu)), BoardPackPdf.csu(pack, csu));
        }
        Files.write(out.resolve("large-pack.pdf"), BoardPackPdf.trust(FixturePack.large(100)));
        for (MeasureReport measure : pack.measures()) {
            try (OutputStream png = Files.newOutputStream(out.resolve(ChartImages.fileName(measure)))) {
                ChartImages.png(measure, 1, png);
            }
        }
        StringBuilder csv = new StringBuilder();
        PackText.csv(pack, csv);
        Files.writeString(out.resolve("board-pack.csv"), csv);
        StringBuilder json = new StringBuilder();
        PackText.json(pack, json);
        Files.writeString(out.resolve("board-pack.json"), json);
    }
}
