package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.nhse.SpcReporterData;
import kpo.ingest.source.Reason;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook as Excel saves SPCreporter's {@code data.xlsx}: period headings as date cells, values as
 * numbers, a formula, an error cell, a blank row, an events sheet with date-time cells and a sheet of
 * notes that is not data.
 */
class WorkbookTest {

    @TempDir
    Path folder;

    private Path workbook() throws IOException {
        Path file = folder.resolve("data.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));

            Sheet notes = book.createSheet("notes");
            notes.createRow(0).createCell(0).setCellValue("Refreshed monthly by the BI team");

            Sheet month = book.createSheet("month");
            Row heading = month.createRow(0);
            heading.createCell(0).setCellValue("ref");
            heading.createCell(1).setCellValue("measure_name");
            heading.createCell(2).setCellValue("comment");
            for (int i = 0; i < 3; i++) {
                heading.createCell(3 + i).setCellValue(LocalDate.of(2025, 8 + i, 1));
                heading.getCell(3 + i).setCellStyle(date);
            }
            Row falls = month.createRow(1);
            falls.createCell(0).setCellValue(1);
            falls.createCell(1).setCellValue("Falls per 1000 bed days");
            falls.createCell(3).setCellValue(5.2);
            falls.createCell(4).setCellFormula("D2-1");
            falls.createCell(5).setCellValue(4);
            // Row 3 is left empty, as people leave gaps; row 4 is Excel's row 4 in every message.
            Row complaints = month.createRow(3);
            complaints.createCell(0).setCellValue(3);
            complaints.createCell(1).setCellValue("Complaints");
            complaints.createCell(2).setCellValue("NA");
            complaints.createCell(3).setCellValue(12);
            complaints.createCell(4).setCellErrorValue(FormulaError.NA.getCode());
            complaints.createCell(5).setCellValue("NA");

            Sheet events = book.createSheet("events");
            Row eventHeading = events.createRow(0);
            eventHeading.createCell(0).setCellValue("ref");
            eventHeading.createCell(1).setCellValue("measure_name");
            eventHeading.createCell(2).setCellValue("event_date_or_datetime");
            Object[][] rows = {{4, LocalDate.of(2025, 9, 1).atStartOfDay()}, {4, LocalDate.of(2025, 9, 11).atTime(18, 0)}};
            for (int i = 0; i < rows.length; i++) {
                Row row = events.createRow(i + 1);
                row.createCell(0).setCellValue((Integer) rows[i][0]);
                row.createCell(1).setCellValue("Falls with severe harm");
                row.createCell(2).setCellValue((java.time.LocalDateTime) rows[i][1]);
                row.getCell(2).setCellStyle(dateTime);
            }
            book.setForceFormulaRecalculation(true);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
        }
        return file;
    }

    @Test
    void cellsReadAsACsvSavedFromTheSheetWouldHoldThem() throws IOException {
        Path file = workbook();
        Map<String, CsvTable> sheets = Workbook.read(file);
        assertEquals(List.of("notes", "month", "events"), List.copyOf(sheets.keySet()));
        CsvTable month = sheets.get("month");
        assertEquals(List.of("ref", "measure_name", "comment", "2025-08-01", "2025-09-01", "2025-10-01"),
                month.header(), "date headings as ISO dates");
        assertEquals(List.of("1", "Falls per 1000 bed days", "", "5.2", "4.2", "4"), month.lines().get(0).cells(),
                "whole numbers without a decimal point, the formula's cached value");
        assertEquals(4, month.lines().get(1).number(), "the row as Excel numbers it");
        assertEquals("#N/A", month.lines().get(1).text(4));
        assertEquals(file + " [sheet month]", month.name());
        assertEquals("2025-09-11T18:00", sheets.get("events").lines().get(1).text(2));
    }

    @Test
    void spcReportersSheetsAreReadByTheirNames() throws IOException {
        Path file = workbook();
        List<SpcReporterData.Sheet> sheets = SpcReporterData.sheets(file);
        assertEquals(List.of("month", "events"), sheets.stream().map(SpcReporterData.Sheet::aggregation).toList(),
                "the notes sheet is not data");
        var month = SpcReporterData.read(sheets.get(0), "RR8").series();
        assertEquals(5, month.read(), "the NA cells are blank; #N/A is a value that is not a number");
        assertEquals(1, month.rejected());
        assertEquals(Reason.BAD_NUMBER, month.rejections().get(0).reason());
        assertEquals(4, month.rejections().get(0).line());
        assertEquals(file + " [sheet month]", month.rejections().get(0).file());
        var events = SpcReporterData.read(sheets.get(1), "RR8").series();
        assertEquals(List.of(10.75), events.rows().stream().map(r -> r.value()).toList());
    }

    @Test
    void aFileThatIsNotAWorkbookSaysSo() throws IOException {
        Path fake = Files.writeString(folder.resolve("data.xlsx"), "ref,measure_name\n1,x\n");
        IngestException e = assertThrows(IngestException.class, () -> Workbook.read(fake));
        assertEquals(fake + " is not an Excel workbook (neither .xlsx nor .xls inside): is it a CSV or another file "
                + "under an Excel name?", e.getMessage());
        Path none = folder.resolve("other.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(none)) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("ref");
            book.write(out);
        }
        assertEquals(none + " has no sheet named week, month, day, calendar_year, financial_year, events "
                + "(SPCreporter's sheet names); its sheets are Sheet1",
                assertThrows(IngestException.class, () -> SpcReporterData.sheets(none)).getMessage());
    }
}
