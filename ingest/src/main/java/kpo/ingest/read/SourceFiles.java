package kpo.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import kpo.ingest.IngestException;
import kpo.ingest.source.SourceSpec;

/** The files of a source: each path resolved (a file, a folder, a glob), sorted, each checked readable. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Every file of {@code spec}, in name order.
     *
     * @throws IngestException naming the path when one matches nothing or cannot be read
     */
    public static List<Path> resolve(SourceSpec spec) {
        return resolve(spec.name(), spec.paths(), pattern(spec.format()), "." + extension(spec.format()));
    }

    /**
     * Every file the paths name, in name order: a folder stands for its files whose names match
     * {@code folderGlob} (e.g. {@code *.{csv,xlsx}}).
     *
     * @param kinds what a folder should hold, for the message when it holds none (".csv")
     * @throws IngestException naming the path when one matches nothing or cannot be read
     */
    public static List<Path> resolve(String source, List<String> paths, String folderGlob, String kinds) {
        TreeSet<Path> files = new TreeSet<>();
        for (String text : paths) {
            List<Path> found = expand(text, folderGlob);
            if (found.isEmpty()) {
                throw new IngestException("source '" + source + "': " + text + " does not exist or holds no "
                        + kinds + " file");
            }
            files.addAll(found);
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new IngestException("source '" + source + "': " + file + " cannot be read (permission denied)");
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> expand(String text, String folderGlob) {
        boolean glob = text.contains("*") || text.contains("?") || text.contains("[");
        if (!glob) {
            Path path = Path.of(text);
            if (Files.isRegularFile(path)) {
                return List.of(path.toAbsolutePath().normalize());
            }
            if (Files.isDirectory(path)) {
                return list(path, "glob:" + folderGlob);
            }
            return List.of();
        }
        Path path = Path.of(text);
        Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
        return Files.isDirectory(folder) ? list(folder, "glob:" + path.getFileName()) : List.of();
    }

    private static List<Path> list(Path folder, String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(pattern);
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName()))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String extension(String format) {
        return format.toLowerCase(Locale.ROOT);
    }

    /** The file names a folder of this format is read from: JSON lines may end .json or .jsonl. */
    private static String pattern(String format) {
        return switch (extension(format)) {
            case "json" -> "*.{json,jsonl}";
            case "parquet" -> "*.parquet";
            default -> "*.{csv,CSV}";
        };
    }

    /**
     * A file's size and last modification time: an extract with the stamp it was curated with is the
     * extract it was, so a rerun need not read it again to hash it.
     *
     * @param size its size in bytes
     * @param modified its modification time, milliseconds since 1970
     */
    public record Stamp(long size, long modified) {
    }

    /** The stamp of {@code file}. */
    public static Stamp stamp(Path file) {
        try {
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw new IngestException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** SHA-256 of a file's content, in hex: how a run recognises an extract it has seen before. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new IngestException(file + " cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
