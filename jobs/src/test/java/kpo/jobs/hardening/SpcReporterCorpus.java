package kpo.jobs.hardening;

import java.io.OutputStream;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the SPCreporter-shaped workbooks of the bad-input corpus ({@code src/test/resources/badinput},
 * {@code spcr_*.xlsx}): its example's sheets and columns, with values of our own. The files are
 * committed; this is how they were made, to be run again (with the folder as argument) when one
 * needs to change. No test runs it.
 */
public final class SpcReporterCorpus {

    private SpcReporterCorpus() {
    }

    private static CellStyle date;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        write(dir.resolve("spcr_data.xlsx"), book -> {
            notes(book);
            month(book, false);
            week(book);
            events(book, true);
        });
        write(dir.resolve("spcr_data_no_events.xlsx"), book -> {
            month(book, false);
            week(book);
        });
        write(dir.resolve("spcr_text_values.xlsx"), book -> month(book, true));
        write(dir.resolve("spcr_no_sheets.xlsx"), book -> book.createSheet("Sheet1").createRow(0).createCell(0)
                .setCellValue("ref"));
        write(dir.resolve("spcr_bad_heading.xlsx"), book -> {
            Sheet s = book.createSheet("month");
            Row h = s.createRow(0);
            String[] head = {"ref", "measure_name", "comment", "Oct-25"};
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(1);
            r.createCell(1).setCellValue("Falls");
            r.createCell(3).setCellValue(4.2);
        });
        write(dir.resolve("spcr_events_no_column.xlsx"), book -> {
            month(book, false);
            events(book, false);
        });
        Files.writeString(dir.resolve("spcr_fake.xlsx"), "ref,measure_name,comment,2025-10-01\n1,Falls,,4\n");
    }

    interface Fill { void on(Workbook book) throws Exception; }

    static void write(Path file, Fill fill) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            fill.on(book);
            book.write(out);
        }
    }

    static void notes(Workbook book) {
        book.createSheet("notes").createRow(0).createCell(0).setCellValue("Refreshed on the 5th working day by BI");
    }

    /** Falls (decimal) and 4-hour % (proportions) for 24 months to Oct 2025; text everywhere when broken. */
    static void month(Workbook book, boolean text) {
        Sheet s = book.createSheet("month");
        Row h = s.createRow(0);
        h.createCell(0).setCellValue("ref");
        h.createCell(1).setCellValue("measure_name");
        h.createCell(2).setCellValue("comment");
        LocalDate first = LocalDate.of(2023, 11, 1);
        for (int i = 0; i < 24; i++) {
            Cell c = h.createCell(3 + i);
            c.setCellValue(first.plusMonths(i));
            c.setCellStyle(date);
        }
        Row falls = s.createRow(1);
        falls.createCell(0).setCellValue(1);
        falls.createCell(1).setCellValue("Falls per 1000 bed days");
        falls.createCell(2).setCellValue("Stable since the new mats");
        Row four = s.createRow(2);
        four.createCell(0).setCellValue(2);
        four.createCell(1).setCellValue("Patients seen within 4 hours");
        for (int i = 0; i < 24; i++) {
            if (text) {
                falls.createCell(3 + i).setCellValue("tbc");
                four.createCell(3 + i).setCellValue("n/a");
            } else {
                falls.createCell(3 + i).setCellValue(5.0 + ((i * 7) % 5) * 0.3 - (i > 14 ? 0.4 : 0));
                four.createCell(3 + i).setCellValue(0.70 + ((i * 5) % 7) * 0.01 + (i > 12 ? 0.04 : 0));
            }
        }
    }

    /** Attendances, weekly, as Excel serial headings (General cells), to 27 Oct 2025. */
    static void week(Workbook book) {
        Sheet s = book.createSheet("week");
        Row h = s.createRow(0);
        h.createCell(0).setCellValue("ref");
        h.createCell(1).setCellValue("measure_name");
        h.createCell(2).setCellValue("comment");
        LocalDate last = LocalDate.of(2025, 10, 27);
        Row r = s.createRow(1);
        r.createCell(0).setCellValue(3);
        r.createCell(1).setCellValue("Attendances");
        for (int i = 0; i < 30; i++) {
            LocalDate w = last.minusWeeks(29 - i);
            h.createCell(3 + i).setCellValue(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), w));
            r.createCell(3 + i).setCellValue(1900 + (i * 37 % 13) * 15);
        }
    }

    static void events(Workbook book, boolean withColumn) {
        Sheet s = book.createSheet("events");
        Row h = s.createRow(0);
        h.createCell(0).setCellValue("ref");
        h.createCell(1).setCellValue("measure_name");
        h.createCell(2).setCellValue(withColumn ? "event_date_or_datetime" : "when");
        LocalDate[] days = {LocalDate.of(2024, 12, 2), LocalDate.of(2025, 2, 14), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 6, 20), LocalDate.of(2025, 9, 3)};
        for (int i = 0; i < days.length; i++) {
            Row r = s.createRow(i + 1);
            r.createCell(0).setCellValue(4);
            r.createCell(1).setCellValue("Falls with severe harm");
            r.createCell(2).setCellValue(days[i]);
            r.getCell(2).setCellStyle(date);
        }
    }
}
