package kpo.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.IngestException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * An Excel workbook ({@code .xlsx}, or the older {@code .xls}) read whole, every sheet as a
 * {@link CsvTable} whose lines are the sheet's rows numbered as Excel numbers them, so that a
 * message's line is the row the analyst sees. Cells become the text a CSV saved from the sheet
 * would hold, as its readers expect: a date cell is an ISO date ({@code 2024-04-01}, or
 * {@code 2024-04-01T14:30} with a time), a number its shortest decimal ({@code 0.78}, {@code 12}),
 * a formula its cached result, an error its code ({@code #N/A}, which no reader takes for a
 * number). Sheets are named in messages as {@code data.xlsx [sheet week]}.
 */
public final class Workbook {

    private Workbook() {
    }

    /** Whether {@code file} is read as a workbook rather than as CSV: by its name's ending. */
    public static boolean is(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
    }

    /** How messages name a sheet of {@code file}. */
    public static String sheetName(Path file, String sheet) {
        return file + " [sheet " + sheet + "]";
    }

    /**
     * Every sheet with a row of text, by its name, in the workbook's order.
     *
     * @throws IngestException naming the file when it is not a workbook POI can open, or is encrypted
     */
    public static Map<String, CsvTable> read(Path file) {
        Map<String, CsvTable> sheets = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                org.apache.poi.ss.usermodel.Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                // A damaged workbook may hold a sheet with no name: it is named by its place, as Excel would.
                String name = sheet.getSheetName() == null ? "Sheet" + (book.getSheetIndex(sheet) + 1)
                        : sheet.getSheetName();
                List<CsvTable.Line> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int at = 0; at < Math.max(0, row.getLastCellNum()); at++) {
                        cells.add(text(row.getCell(at)));
                    }
                    if (cells.stream().anyMatch(c -> !c.isBlank())) {
                        rows.add(new CsvTable.Line(row.getRowNum() + 1L, cells));
                    }
                }
                if (!rows.isEmpty()) {
                    sheets.putIfAbsent(name, CsvTable.of(file, sheetName(file, name), rows));
                }
            }
        } catch (EncryptedDocumentException e) {
            throw new IngestException(file + " is protected by a password: save it without one");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IngestException ingest) {
                throw ingest;
            }
            if (String.valueOf(e.getMessage()).contains("unsupported file type")) {
                throw new IngestException(file + " is not an Excel workbook (neither .xlsx nor .xls inside): is it "
                        + "a CSV or another file under an Excel name?");
            }
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new IngestException(file + " is compressed far more than a workbook is, so it is not opened "
                        + "(a safeguard against a file made to exhaust memory)");
            }
            // POI's own words name XML parsers and Java types, which help no analyst.
            throw new IngestException(file + " cannot be read as an Excel workbook: a part of it is damaged or not "
                    + "as Excel writes it; open it in Excel and save it again as .xlsx");
        }
        return sheets;
    }

    /** A cell as CSV text: "" for none or blank. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    /** A date cell: the date alone at midnight, else date and time to the second it holds. */
    static String date(LocalDateTime at) {
        if (at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return at.toLocalDate().toString();
        }
        return at.toString();
    }

    /** A number's shortest decimal, never in exponent form: 12, 0.78, 1234567.5. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
