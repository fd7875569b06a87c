package kpo.jobs.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kpo.jobs.cli.UserError;

/**
 * An operating-system lock on a file, held for as long as a run writes something two runs must not
 * write at once (a month's output folder, the curated store). The lock dies with the process, so a
 * killed run never leaves a stale one behind; the empty lock file may stay.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param busy the sentence for when another run holds it
     */
    static RunLock acquire(Path lockFile, String busy) {
        FileChannel channel = null;
        FileLock lock;
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process: a second run in the same JVM
        } catch (IOException e) {
            throw UserError.failure("cannot lock " + lockFile + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw UserError.failure(busy);
        }
        return new RunLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel below, or with the process
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do: the lock goes with the process
            }
        }
    }
}
