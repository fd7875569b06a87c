package kpo.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kpo.reports.pages.PackPlan;
import kpo.reports.pages.PackRenderer;

/**
 * The board pack as a PDF: the trust pack, and a pack per CSU with its local A3s. The same
 * {@link BoardPack} always gives the same bytes (metadata dates from the reporting period, document
 * ID from the content), so a rerun of the monthly job changes no file it need not.
 *
 * <pre>{@code
 * byte[] trust = BoardPackPdf.trust(pack);
 * for (String csu : pack.csus()) {
 *     BoardPackPdf.write(BoardPackPdf.csu(pack, csu), out.resolve("csu").resolve(BoardPackPdf.fileName(csu)));
 * }
 * }</pre>
 */
public final class BoardPackPdf {

    private BoardPackPdf() {
    }

    /** The trust's board pack. */
    public static byte[] trust(BoardPack pack) {
        return PackRenderer.render(PackPlan.trust(pack));
    }

    /**
     * The pack of one CSU: its local A3s, its measures and the measures its A3s track.
     *
     * @throws IllegalArgumentException when the CSU has neither measures nor A3s in {@code pack}
     */
    public static byte[] csu(BoardPack pack, String csu) {
        return PackRenderer.render(PackPlan.csu(pack, csu));
    }

    public static void trust(BoardPack pack, OutputStream out) {
        write(trust(pack), out);
    }

    public static void csu(BoardPack pack, String csu, OutputStream out) {
        write(csu(pack, csu), out);
    }

    /** A file name for a CSU's pack: {@code childrens.pdf} for "Children's". */
    public static String fileName(String csu) {
        String name = csu.toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("’", "").replace("&", " and ")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (name.isEmpty() ? "csu" : name) + ".pdf";
    }

    /** Writes {@code pdf} to {@code file} through a temporary file renamed into place. */
    public static void write(byte[] pdf, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(temporary, pdf);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(byte[] pdf, OutputStream out) {
        try {
            out.write(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
