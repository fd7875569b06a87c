package kpo.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpcReporterSheetsTest {

    static final String MEASURE_CONFIG = "ref,measure_name,data_source,data_owner,accountable_person,unit,"
            + "improvement_direction,target,target_set_by,data_quality,rebase_dates,rebase_comment,allowable_days_lag,"
            + "reviewed_at,escalated_to\n"
            + "1,Falls per 1000 bed days,Datix,Jane Smith,Chief Nurse,decimal,decrease,5,Board,GGAG,,,31,"
            + "Quality committee,\n"
            + "2,Patients seen within 4 hours,ED system,Tom Reid,Chief Operating Officer,%,increase,0.95,NHS England,GGGG,"
            + "\"\"\"2024-04-15\"\", \"\"2025-01-01\"\"\",New front-door model,31,,\n"
            + "3,Complaints,Complaints team,Kay Moss,Director of Nursing,integer,decrease,-,,AARG,,,45,,\n";
    static final String REPORT_CONFIG = "ref,measure_name,domain,spc_chart_type,aggregation,report_comment\n"
            + "1,Falls per 1000 bed days,Safe,xmr,month,\n"
            + "2,Patients seen within 4 hours,Responsive,xmr,month,\n"
            + "2,Patients seen within 4 hours,Responsive,xmr,week,\n"
            + "3,Complaints,Caring,xmr,month,\n";

    @TempDir
    Path folder;

    private SpcReporterSheets.Import read(String measures, String reports) throws IOException {
        Path m = Files.writeString(folder.resolve("measure_config.csv"), measures);
        Path r = Files.writeString(folder.resolve("report_config.csv"), reports);
        return SpcReporterSheets.read(m, r, "RR8");
    }

    @Test
    void eachReportedAggregationBecomesAMeasure() throws IOException {
        SpcReporterSheets.Import imported = read(MEASURE_CONFIG, REPORT_CONFIG);
        assertEquals(List.of(), imported.problems());
        Map<String, KpoConfig.MeasureConfig> byId = imported.measures().stream()
                .collect(Collectors.toMap(KpoConfig.MeasureConfig::id, Function.identity()));
        assertEquals(List.of("1", "2_month", "2_week", "3"), imported.measures().stream()
                .map(KpoConfig.MeasureConfig::id).toList());

        KpoConfig.MeasureConfig falls = byId.get("1");
        assertEquals("spcr_1_month", falls.measure());
        assertEquals(new KpoConfig.UnitConfig("unit", "RR8"), falls.unit());
        assertEquals("number", falls.units());
        assertEquals("ptd", falls.rules(), "SPCreporter charts with NHSRplotthedots");
        assertEquals("decrease", falls.improvement());
        assertEquals(5.0, falls.target());
        assertEquals("reasonable", falls.dataQuality(), "an amber STAR letter");
        assertEquals(31, falls.allowableDaysLag());
        assertEquals("Jane Smith", falls.owner());
        assertEquals("From SPCreporter (ref 1, month); data source: Datix; target set by: Board; accountable: "
                + "Chief Nurse; STAR data quality: GGAG.", falls.definition());

        KpoConfig.MeasureConfig fourHours = byId.get("2_week");
        assertEquals("spcr_2_week", fourHours.measure());
        assertEquals("percent", fourHours.units());
        assertEquals(100.0, fourHours.multiply(), "SPCreporter keeps percentages as proportions");
        assertEquals(95.0, fourHours.target(), 1e-9);
        assertEquals("good", fourHours.dataQuality());
        assertEquals(List.of(new KpoConfig.RebaseConfig(LocalDate.of(2024, 4, 15), "New front-door model",
                "Chief Operating Officer"), new KpoConfig.RebaseConfig(LocalDate.of(2025, 1, 1), "New front-door model",
                "Chief Operating Officer")), fourHours.rebases());

        KpoConfig.MeasureConfig complaints = byId.get("3");
        assertNull(complaints.target(), "'-' is no target");
        assertEquals("count", complaints.units());
        assertEquals("poor", complaints.dataQuality(), "a red STAR letter");
    }

    /**
     * What SPCreporter makes of a row besides its numbers: the domain and report comment, a title that
     * tells two aggregations apart, report_config's name, a t row's turned direction and no target, a
     * blank lag as 0 days, an older sheet's baseline_period.
     */
    @Test
    void aRowIsReportedAsSpcReporterReportsIt() throws IOException {
        String measures = MEASURE_CONFIG.replace("rebase_comment,allowable_days_lag,", "rebase_comment,baseline_period,"
                + "allowable_days_lag,").replace(",,,31,Quality", ",,,,,Quality").replace("New front-door model,31",
                "New front-door model,12,31").replace(",,,45,,", ",,,-,45,,")
                + "4,Falls with severe harm,Datix,Jane Smith,Chief Nurse,integer,decrease,0,Board,GGGG,,,,,,\n";
        String reports = REPORT_CONFIG.replace("1,Falls per 1000 bed days,Safe,xmr,month,",
                "1,Inpatient falls per 1000 bed days,Safe,xmr,month,Includes assisted falls")
                + "4,Falls with severe harm,Safe,t,none,\n";
        SpcReporterSheets.Import imported = read(measures, reports);
        assertEquals(List.of(), imported.problems());
        Map<String, KpoConfig.MeasureConfig> byId = imported.measures().stream()
                .collect(Collectors.toMap(KpoConfig.MeasureConfig::id, Function.identity()));
        KpoConfig.MeasureConfig falls = byId.get("1");
        assertEquals("Inpatient falls per 1000 bed days", falls.title(), "report_config's name, as SPCreporter shows");
        assertEquals("Safe", falls.domain());
        assertEquals("Includes assisted falls", falls.note());
        assertEquals(0, falls.allowableDaysLag(), "blank is SPCreporter's 0");
        assertNull(falls.baseline());
        assertEquals("Patients seen within 4 hours (weekly)", byId.get("2_week").title());
        assertEquals("Patients seen within 4 hours (monthly)", byId.get("2_month").title());
        assertEquals(12, byId.get("2_week").baseline(), "limits fixed on the first 12 points");
        assertEquals("Responsive", byId.get("2_week").domain());
        assertNull(byId.get("2_week").note());
        KpoConfig.MeasureConfig harm = byId.get("4");
        assertEquals("Falls with severe harm (time-between)", harm.title());
        assertEquals("t", harm.chart());
        assertEquals("spcr_4_none", harm.measure());
        assertEquals("increase", harm.improvement(), "fewer falls is more days between them");
        assertNull(harm.target(), "the target is of the falls, not of the days between");
        assertEquals("days", harm.units());
        assertNull(harm.rules(), "the monthly job's rules for every control chart");
    }

    @Test
    void everyMistakeIsNamedWithItsFileAndLineOnce() throws IOException {
        String measures = MEASURE_CONFIG.replace(",decimal,decrease,5,", ",float,down,five,")
                .replace(",AARG,", ",AAXG,").replace(",%,increase,", ",%,upward,");
        String reports = REPORT_CONFIG + "4,Unknown,Safe,xmr,month,\n" + "3,Complaints,Caring,pchart,week,\n"
                + "3,Complaints,Caring,xmr,month,\n";
        assertEquals(List.of(
                "measure_config.csv line 2: unit 'float'; expected integer, decimal or %",
                "measure_config.csv line 2: improvement_direction 'down'; expected increase, decrease or neutral",
                "measure_config.csv line 2: target 'five'; expected a number or -",
                "measure_config.csv line 3: improvement_direction 'upward'; expected increase, decrease or neutral",
                "measure_config.csv line 4: data_quality 'AAXG'; expected four letters R, A or G (e.g. GGAG)",
                "report_config.csv line 6: ref '4' is not in measure_config.csv",
                "report_config.csv line 7: spc_chart_type 'pchart'; expected xmr or t",
                "report_config.csv line 8: ref '3' is reported twice at aggregation month"),
                read(measures, reports).problems());
    }

    @Test
    void aSheetThatIsNotSpcReportersSaysSo() throws IOException {
        assertEquals(List.of("measure_config.csv line 1: the header lacks data_source, data_owner, accountable_person, "
                + "unit, improvement_direction, target, target_set_by, data_quality, rebase_dates, rebase_comment: "
                + "is it SPCreporter's sheet?"), read("ref,measure_name\n1,x\n", REPORT_CONFIG).problems());
    }
}
