package kpo.ingest.nhse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import kpo.ingest.measures.SeriesRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPCreporter's wide measure-data sheets saved as CSV: one value per cell, each bad cell rejected. */
class SpcReporterDataTest {

    @TempDir
    Path folder;

    @Test
    void everyCellIsAValueOrARejection() throws IOException {
        // 45931 is how Excel saves the heading 2025-10-01 when the cell is a date.
        Path sheet = Files.writeString(folder.resolve("month.csv"), "ref,measure_name,comment,2025-08-01,2025-09-01,"
                + "45931\n"
                + "1,Falls per 1000 bed days,Falls fell after the new mats.,5.2,4.9,4.1\n"
                + "2,Patients seen within 4 hours,,0.74,,0.78\n"
                + "3,Complaints,,12,n/a,9\n"
                + "4,Pressure ulcers,,7,8,9\n");
        Map<String, String> comments = new HashMap<>();
        PublishedSeries series = SpcReporterData.read(sheet, "month", "RR8", comments);
        assertEquals(11, series.read(), "eleven cells hold something; the blank one is no data");
        assertEquals(10, series.accepted());
        assertEquals(series.read(), series.accepted() + series.rejected());
        Rejection bad = series.rejections().get(0);
        assertEquals(sheet.toString(), bad.file());
        assertEquals(4, bad.line());
        assertEquals("2025-09-01", bad.column(), "the period's heading names the cell");
        assertEquals("n/a", bad.value());
        assertEquals(Reason.BAD_NUMBER, bad.reason());
        SeriesRow october = series.rows().stream().filter(r -> r.measureId().equals("spcr_1_month")
                && r.period().equals(LocalDate.of(2025, 10, 1))).findFirst().orElseThrow();
        assertEquals(List.of("spcr_1_month", "unit", "RR8", LocalDate.of(2025, 10, 1), 4.1),
                List.of(october.measureId(), october.unitType(), october.unitCode(), october.period(), october.value()));
        assertEquals(Map.of("spcr_1_month", "Falls fell after the new mats."), comments);
    }

    @Test
    void aRowsOwnAggregationWins() throws IOException {
        Path sheet = Files.writeString(folder.resolve("data.csv"), "ref,measure_name,comment,aggregation,2025-09-29,"
                + "2025-10-06\n" + "7,Theatre utilisation,,week,0.81,0.84\n");
        PublishedSeries series = SpcReporterData.read(sheet, "", "RR8", new HashMap<>());
        assertTrue(series.rows().stream().allMatch(r -> r.measureId().equals("spcr_7_week")));
    }

    @Test
    void aSheetThatIsNotSpcReportersSaysWhy() throws IOException {
        Path noRef = Files.writeString(folder.resolve("a.csv"), "measure,2025-10-01\nx,1\n");
        assertTrue(assertThrows(IngestException.class, () -> SpcReporterData.read(noRef, "month", "RR8",
                new HashMap<>())).getMessage().contains("has no column 'ref'"));
        Path badHeading = Files.writeString(folder.resolve("b.csv"), "ref,measure_name,comment,Oct-25\n1,x,,1\n");
        assertEquals(badHeading + " line 1: column 'Oct-25' is neither an SPCreporter label nor a period (YYYY-MM-DD "
                + "or an Excel date number)", assertThrows(IngestException.class, () -> SpcReporterData.read(badHeading,
                "month", "RR8", new HashMap<>())).getMessage());
    }
}
