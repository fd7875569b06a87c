package kpo.jobs.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kpo.ingest.Folders;
import kpo.jobs.cli.UserError;

/**
 * A month's output folder written all or nothing: everything goes into a hidden temporary folder
 * beside it, which replaces the old folder by renames only when complete. A killed run leaves the
 * previous good output as it was (and a temporary folder that the next run removes). A lock file
 * stops two runs writing the same folder.
 */
public final class OutputFolder implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final RunLock lock;

    private OutputFolder(Path target, Path temporary, RunLock lock) {
        this.target = target;
        this.temporary = temporary;
        this.lock = lock;
    }

    /**
     * Creates the output folder if it is missing and checks that it can be written: a run calls this
     * first, not after minutes of work.
     */
    static void ready(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw UserError.failure("cannot create the output folder " + folder + ": " + e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw UserError.failure("cannot write into the output folder " + folder + ": it is read-only (its "
                    + "permissions, or a file system mounted read-only)");
        }
    }

    /** Locks {@code target}'s parent for this month and opens a fresh temporary folder. */
    static OutputFolder open(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        ready(parent);
        RunLock lock = RunLock.acquire(parent.resolve("." + target.getFileName() + ".lock"),
                "another kpo run is writing " + target + "; wait for it to finish");
        Path temporary = parent.resolve("." + target.getFileName() + ".partial");
        Path old = parent.resolve("." + target.getFileName() + ".old");
        try {
            // A run killed between commit's two renames left the previous output as .old: put it back.
            if (!Files.exists(target) && Files.isDirectory(old)) {
                move(old, target);
            }
            Folders.deleteTree(temporary); // left by a run that was killed
            Files.createDirectories(temporary);
        } catch (IOException e) {
            lock.close();
            throw UserError.failure("cannot prepare " + temporary + ": " + e.getMessage());
        }
        return new OutputFolder(target.toAbsolutePath(), temporary, lock);
    }

    /** Where to write this run's files. */
    Path folder() {
        return temporary;
    }

    /** Puts the finished folder in place of the old one. */
    void commit() {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            Folders.deleteTree(old);
            if (Files.exists(target)) {
                move(target, old);
            }
            move(temporary, target);
            Folders.deleteTree(old);
        } catch (IOException e) {
            throw UserError.failure("cannot put the new output in place at " + target + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    @Override
    public void close() {
        try {
            Folders.deleteTree(temporary);
        } catch (IOException e) {
            // a leftover temporary folder is removed by the next run
        } finally {
            lock.close();
        }
    }
}
