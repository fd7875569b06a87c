package kpo.jobs.run;

import java.util.List;
import kpo.jobs.config.KpoConfig;

/**
 * A config that {@link ConfigCheck} found nothing wrong with, its pack measures read into types
 * ({@link PackMeasure}). The job makes it again when it adds to the config (SPCreporter's measures,
 * the owners' commentary file), and every step after the check takes it.
 *
 * @param config the config as written (trust, sources, commitments, privacy and the rest)
 * @param measures its pack measures, in the config's order
 */
record CheckedConfig(KpoConfig config, List<PackMeasure> measures) {

    CheckedConfig {
        measures = List.copyOf(measures);
    }

    /** {@code config}'s measures read into types (it has been checked, or is made by the job). */
    static CheckedConfig of(KpoConfig config) {
        return new CheckedConfig(config, config.measures() == null ? List.of()
                : config.measures().stream().map(PackMeasure::of).toList());
    }
}
