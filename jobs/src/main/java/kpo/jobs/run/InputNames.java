package kpo.jobs.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How the outputs name an input file: by its path from the config's folder when it lies there
 * ({@code data/ptl/ptl_2025-10-31.csv}), else by its name alone; never by the machine's own folders,
 * which would tell a reader of a published pack or data file the server's layout and user names.
 * Messages on the terminal keep the full path: they are for the person running the job.
 *
 * @param base the config's folder, from which inputs are named
 */
record InputNames(Path base) {

    InputNames {
        base = base.toAbsolutePath().normalize();
    }

    /** {@code file} (a path, or a workbook sheet's name: {@code /x/data.xlsx [sheet week]}) as outputs show it. */
    String of(String file) {
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return file;
        }
        if (path.startsWith(base) && !path.equals(base)) {
            return base.relativize(path).toString().replace('\\', '/');
        }
        Path name = path.getFileName();
        return name == null ? file : name.toString();
    }

    String of(Path file) {
        return of(file.toString());
    }
}
