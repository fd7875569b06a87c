package kpo.jobs.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.reports.BoardPack;
import kpo.reports.Commitment;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.SourceQuality;
import kpo.reports.Trust;

/**
 * An integrated care system's pack from its trusts' packs for the same month: every trust-wide
 * commitment and measure of each trust, named with the trust's code ({@code RR8: Nobody waits more
 * than a year}), so the summary matrix reads trust by trust. CSU A3s stay in the trusts' own packs,
 * and a measure's CSU is named with its trust too (two trusts' "Children's Services" are different
 * services, and the CSU pages must not mix them). Values
 * a trust's pack hides as small numbers stay hidden. The trusts' shared rates are compared on funnel
 * plots, trust against trust.
 */
final class SystemPack {

    private SystemPack() {
    }

    /**
     * @param comparisons the funnel plots of the trusts' shared measures ({@link Comparisons#ofSystem}),
     *     whose measure ids are this pack's
     */
    static BoardPack of(Trust system, List<BoardPack> trusts, List<kpo.reports.Comparison> comparisons) {
        List<Commitment> commitments = new ArrayList<>();
        List<MeasureReport> measures = new ArrayList<>();
        List<SourceQuality> quality = new ArrayList<>();
        LocalDate dataTo = null;
        int threshold = 0;
        for (BoardPack pack : trusts) {
            threshold = Math.max(threshold, pack.smallNumbers().threshold());
            String code = pack.trust().code();
            Map<String, String> ids = new HashMap<>();
            for (MeasureReport m : pack.measures()) {
                String id = code + "." + m.id();
                ids.put(m.id(), id);
                measures.add(new MeasureReport(id, code + ": " + m.title(), m.definition(), m.unit(), m.chart(),
                        m.previous(), m.targetDate(), m.trajectory(), m.rebases(), m.annotations(), m.owner(),
                        m.dataQuality(), m.commentary(), m.csu() == null ? null : code + " " + m.csu(), m.specialty(),
                        m.summable(), m.stale(), m.hiddenPeriods(), m.domain(), m.note(), m.reasons()));
            }
            for (Commitment c : pack.commitments()) {
                if (c.csu() != null) {
                    continue;
                }
                commitments.add(new Commitment(code + "." + c.id(), code + ": " + c.title(), c.executiveSponsor(),
                        c.problem(), c.targetCondition(), c.measureIds().stream().map(ids::get).toList(),
                        c.countermeasures(), c.pdsaCycles(), null, null));
            }
            for (SourceQuality s : pack.dataQuality()) {
                quality.add(new SourceQuality(code + " " + s.source(), s.file(), s.read(), s.accepted(), s.rejected(),
                        s.latestPeriod(), s.missingPeriods(), s.stale()));
            }
            dataTo = dataTo == null || pack.dataTo().isAfter(dataTo) ? pack.dataTo() : dataTo;
        }
        // The strictest trust's suppression holds for the system pack; each measure keeps its hidden periods.
        return new BoardPack(system, trusts.get(0).period(), dataTo, commitments, measures, quality, List.of(), null,
                new SmallNumbers(threshold)).comparisons(comparisons);
    }
}
