package kpo.jobs.config;

import java.time.YearMonth;
import java.util.List;

/**
 * An integrated care system's config: its member trusts' own configs, run one after another for
 * the same month, and a system pack drawn from their packs. Written as
 *
 * <pre>
 * system:
 *   code: QWO
 *   name: West Yorkshire Integrated Care System
 *   trusts: [leeds/kpo.yaml, bradford/kpo.yaml]
 *   output: out
 * </pre>
 *
 * @param system the system and its trusts
 */
public record SystemConfig(System system) {

    /**
     * @param code the system's ODS code (e.g. QWO)
     * @param name the system's name on the pack
     * @param trusts the member trusts' configs, each a complete {@code kpo.yaml}; relative to this file
     * @param period the reporting month for every trust, or null for the first trust's latest month
     * @param output the folder the system pack goes under ({@code output/YYYY-MM/})
     */
    public record System(String code, String name, List<String> trusts, YearMonth period, String output) {
    }
}
