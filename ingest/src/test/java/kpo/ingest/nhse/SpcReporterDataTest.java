package kpo.ingest.nhse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import kpo.ingest.measures.SeriesRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPCreporter's wide measure-data sheets, saved as CSV: one value per cell, each bad cell rejected. */
class SpcReporterDataTest {

    @TempDir
    Path folder;

    /** A CSV sheet read as the run reads it: its aggregation from its file's name. */
    private static SpcReporterData.Values read(Path csv) {
        return SpcReporterData.read(SpcReporterData.sheets(csv).get(0), "RR8");
    }

    /**
     * SPCreporter's last point of a t chart: from the last event before the cut-off to the cut-off,
     * numbered after the points before it; events after the cut-off are not counted.
     */
    @Test
    void theLastPointRunsFromTheLastEventToTheCutoff() {
        List<java.time.LocalDateTime> times = List.of(LocalDate.of(2025, 9, 1).atStartOfDay(),
                LocalDate.of(2025, 10, 20).atTime(12, 0), LocalDate.of(2025, 11, 3).atStartOfDay());
        SeriesRow last = SpcReporterData.sinceLastEvent("spcr_4_none", "RR8", times,
                LocalDate.of(2025, 11, 1).atStartOfDay()).orElseThrow();
        assertEquals(11.5, last.value(), "20 Oct noon to the end of 31 Oct");
        assertEquals(LocalDate.of(2025, 10, 31), last.period(), "dated by the cut-off's own day");
        assertEquals(2, last.seq(), "after the one point between the two events before it");
        assertTrue(SpcReporterData.sinceLastEvent("spcr_4_none", "RR8", times, LocalDate.of(2025, 9, 1)
                .atStartOfDay()).isEmpty(), "no event before the cut-off");
    }

    @Test
    void everyCellIsAValueOrARejection() throws IOException {
        // 45931 is how Excel saves the heading 2025-10-01 when the cell is a date.
        Path sheet = Files.writeString(folder.resolve("month.csv"), "ref,measure_name,comment,2025-08-01,2025-09-01,"
                + "45931\n"
                + "1,Falls per 1000 bed days,Falls fell after the new mats.,5.2,4.9,4.1\n"
                + "2,Patients seen within 4 hours,,0.74,,0.78\n"
                + "3,Complaints,,12,n/a,9\n"
                + "4,Pressure ulcers,,7,8,9\n");
        SpcReporterData.Values values = read(sheet);
        PublishedSeries series = values.series();
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
        assertEquals(Map.of("spcr_1_month", "Falls fell after the new mats."), values.comments());
    }

    /** R's write.csv writes a missing value as NA: a blank, not a bad number. UK dates head periods too. */
    @Test
    void naCellsAreBlankAndUkDatesArePeriods() throws IOException {
        Path sheet = Files.writeString(folder.resolve("month.csv"), "ref,measure_name,comment,01/09/2025,01/10/2025\n"
                + "1,Falls,NA,5.2,NA\n");
        PublishedSeries series = read(sheet).series();
        assertEquals(1, series.read());
        assertEquals(0, series.rejected());
        assertEquals(LocalDate.of(2025, 9, 1), series.rows().get(0).period());
        assertEquals(null, SpcReporterData.period("31/02/2025"), "no 31 February");
    }

    /**
     * The events sheet: each measure's events in time order, the days between them as points numbered
     * in order (the first event starts the count); times give fractions of a day; an event at the same
     * time as the one before is rejected, a bad date too, each with its line.
     */
    @Test
    void eventsBecomeTheTimeBetweenThem() throws IOException {
        Path sheet = Files.writeString(folder.resolve("events.csv"), "ref,measure_name,comment,event_date_or_datetime\n"
                + "9,Never events,,2025-03-10\n"
                + "9,Never events,,2025-01-01\n"
                + "9,Never events,,2025-02-15 12:00\n"
                + "9,Never events,,2025-03-10\n"
                + "9,Never events,,yesterday\n"
                + "8,Falls with harm,,05/06/2025\n"
                + "8,Falls with harm,,45832\n");
        SpcReporterData.Values values = read(sheet);
        PublishedSeries series = values.series();
        assertEquals(7, series.read());
        assertEquals(2, series.rejected());
        assertEquals(List.of(Reason.BAD_DATE, Reason.NO_TIME_SINCE_LAST_EVENT),
                series.rejections().stream().map(Rejection::reason).toList());
        assertEquals(List.of(6L, 5L), series.rejections().stream().map(Rejection::line).toList());
        List<SeriesRow> never = series.rows().stream().filter(r -> r.measureId().equals("spcr_9_none")).toList();
        assertEquals(List.of(45.5, 22.5), never.stream().map(SeriesRow::value).toList());
        assertEquals(List.of(1, 2), never.stream().map(SeriesRow::seq).toList());
        assertEquals(LocalDate.of(2025, 3, 10), never.get(1).period());
        // 45832 is Excel's 24 Jun 2025: 19 days after 5 Jun.
        SeriesRow falls = series.rows().stream().filter(r -> r.measureId().equals("spcr_8_none")).findFirst()
                .orElseThrow();
        assertEquals(19.0, falls.value());
        assertEquals(LocalDate.of(2025, 6, 24), falls.period());
        assertEquals(List.of(LocalDate.of(2025, 1, 1).atStartOfDay(), LocalDate.of(2025, 2, 15).atTime(12, 0),
                LocalDate.of(2025, 3, 10).atStartOfDay()), values.events().get("spcr_9_none"),
                "each time once, in order, for the point up to the cut-off");
    }

    @Test
    void aRowsOwnAggregationWins() throws IOException {
        Path sheet = Files.writeString(folder.resolve("data.csv"), "ref,measure_name,comment,aggregation,2025-09-29,"
                + "2025-10-06\n" + "7,Theatre utilisation,,week,0.81,0.84\n");
        PublishedSeries series = read(sheet).series();
        assertTrue(series.rows().stream().allMatch(r -> r.measureId().equals("spcr_7_week")));
    }

    @Test
    void aSheetThatIsNotSpcReportersSaysWhy() throws IOException {
        Path noRef = Files.writeString(folder.resolve("a.csv"), "measure,2025-10-01\nx,1\n");
        assertTrue(assertThrows(IngestException.class, () -> read(noRef)).getMessage().contains("has no column 'ref'"));
        Path badHeading = Files.writeString(folder.resolve("b.csv"), "ref,measure_name,comment,Oct-25\n1,x,,1\n");
        assertEquals(badHeading + " line 1: column 'Oct-25' is neither an SPCreporter label nor a period (YYYY-MM-DD, "
                + "dd/mm/yyyy or an Excel date number)", assertThrows(IngestException.class, () -> read(badHeading)).getMessage());
    }
}
