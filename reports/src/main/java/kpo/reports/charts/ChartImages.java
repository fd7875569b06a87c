package kpo.reports.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import kpo.reports.MeasureReport;
import org.jfree.chart.JFreeChart;

/**
 * Charts as PNG files for intranets and slides: the same {@link SpcFigure} as the PDF draws, with its
 * own title, rendered to pixels. {@code scale} 2 gives a sharp image for slides and high-density
 * screens (a 960 × 540 layout as 1920 × 1080 pixels).
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** Writes {@code measure}'s chart as a PNG to {@code out} in the {@link FigureStyle#IMAGE} layout. */
    public static void png(MeasureReport measure, double scale, OutputStream out) {
        png(measure, FigureStyle.IMAGE, scale, out);
    }

    /** Writes {@code measure}'s chart as a PNG to {@code out}; {@code style}'s size is in pixels at scale 1. */
    public static void png(MeasureReport measure, FigureStyle style, double scale, OutputStream out) {
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("PNG scale must be above 0 and at most 8; got " + scale);
        }
        JFreeChart chart = SpcFigure.of(measure, style);
        int width = (int) Math.round(style.width() * scale);
        int height = (int) Math.round(style.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, style.width(), style.height()));
        } finally {
            g.dispose();
        }
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code measure}'s chart to {@code file}, through a temporary file renamed into place, so
     * that a reader never sees half a PNG.
     */
    public static void png(MeasureReport measure, double scale, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                png(measure, scale, out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name for {@code measure}'s chart: its id, e.g. {@code wl_paeds.png}. */
    public static String fileName(MeasureReport measure) {
        return measure.id() + ".png";
    }
}
