package kpo.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentaryFileTest {

    @TempDir
    Path folder;

    private Path write(String text) throws IOException {
        Path file = folder.resolve("commentary.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void eachMeasureGetsItsMonthsCommentary() throws IOException {
        // A spreadsheet saved as CSV: BOM, CRLF, a quoted field with a comma and a line break, headers in any case.
        Path file = write("\uFEFFMeasure,Period,Shows,So_What,Actions,Author,Approver,Date\r\n"
                + "paeds_list,2025-09,Held at 212.,,,Dr A Patel,,2025-10-04\r\n"
                + "paeds_list,2025-10,\"Still 212, on target.\nNo signal.\",Keep going,PDSA 3,Dr A Patel,S Okafor,"
                + "2025-11-05\r\n"
                + "trust_list,2025-10,Rising slowly.,,,J Hart,,2025-11-03\r\n");
        CommentaryFile commentary = CommentaryFile.read(file, Set.of("paeds_list", "trust_list"));
        assertEquals(List.of(), commentary.problems());
        Map<String, KpoConfig.CommentaryConfig> october = commentary.forPeriod(YearMonth.of(2025, 10));
        assertEquals(2, october.size());
        KpoConfig.CommentaryConfig paeds = october.get("paeds_list");
        assertEquals("Still 212, on target.\nNo signal.", paeds.shows());
        assertEquals("S Okafor", paeds.approver());
        assertEquals(LocalDate.of(2025, 11, 5), paeds.date());
        assertNull(october.get("trust_list").approver(), "not yet approved");
        assertEquals("Held at 212.", commentary.forPeriod(YearMonth.of(2025, 9)).get("paeds_list").shows());
        assertTrue(commentary.forPeriod(YearMonth.of(2025, 8)).isEmpty());
    }

    @Test
    void everyMistakeIsNamedWithItsLine() throws IOException {
        Path file = write("measure,period,shows,so_what,actions,author,approver,date\n"
                + "paeds_lst,2025-10,Typo in the id.,,,Dr A Patel,,2025-11-05\n"
                + "paeds_list,Oct 2025,Bad month.,,,Dr A Patel,,2025-11-05\n"
                + "paeds_list,2025-10,,,,Dr A Patel,,2025-11-05\n"
                + "paeds_list,2025-10,Fine.,,,,,05/11/2025\n"
                + "\n"
                + "trust_list,2025-10,First.,,,J Hart,,2025-11-03\n"
                + "trust_list,2025-10,Second.,,,J Hart,,2025-11-04\n");
        List<String> problems = CommentaryFile.read(file, Set.of("paeds_list", "trust_list")).problems();
        assertEquals(List.of(
                "commentary.csv line 2: measure 'paeds_lst' is not a measure of the config",
                "commentary.csv line 3: period 'Oct 2025'; expected the month as YYYY-MM",
                "commentary.csv line 4: the commentary is empty; fill in at least one of shows, so_what and actions",
                "commentary.csv line 5: date '05/11/2025'; expected the day it was written as YYYY-MM-DD",
                "commentary.csv line 5: author is blank; a commentary needs the name of who wrote it",
                "commentary.csv line 8: a second commentary for measure 'trust_list' in 2025-10 (the first is on line 7)"),
                problems);
    }

    @Test
    void aWrongHeaderIsOneProblem() throws IOException {
        Path file = write("measure_id,month,text\nx,2025-10,y\n");
        assertEquals(List.of("commentary.csv line 1: the header lacks measure, period, shows, so_what, actions, author, "
                + "date; expected measure,period,shows,so_what,actions,author,approver,date"),
                CommentaryFile.read(file, Set.of("x")).problems());
    }
}
