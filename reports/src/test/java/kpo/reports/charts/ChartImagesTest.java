package kpo.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import kpo.reports.MeasureReport;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.style.Palette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same chart as the PDF's, as a PNG for intranets and slides. */
class ChartImagesTest {

    private static final MeasureReport WAITING_LIST = FixturePack.trust().measure("wl_paeds");

    private static byte[] png(MeasureReport m, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartImages.png(m, scale, out);
        return out.toByteArray();
    }

    @Test
    void isTheImageLayoutAtTheAskedScale() throws IOException {
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(png(WAITING_LIST, 1)));
        assertEquals(960, one.getWidth());
        assertEquals(540, one.getHeight());
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(png(WAITING_LIST, 2)));
        assertEquals(1920, two.getWidth());
    }

    @Test
    void showsTheMdcColoursOfItsPoints() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(WAITING_LIST, 1)));
        int blue = Palette.BLUE.getRGB() & 0xFFFFFF;
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == blue) {
                    found++;
                }
            }
        }
        assertTrue(found > 200, "special cause improvement points are blue: " + found + " pixels");
    }

    @Test
    void isTheSameBytesEveryTime() {
        assertArrayEquals(png(WAITING_LIST, 1), png(FixturePack.trust().measure("wl_paeds"), 1));
    }

    @Test
    void writesAFileAtomicallyNamedAfterTheMeasure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("charts").resolve(ChartImages.fileName(WAITING_LIST));
        ChartImages.png(WAITING_LIST, 1, file);
        assertEquals("wl_paeds.png", file.getFileName().toString());
        assertTrue(Files.size(file) > 10_000);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
