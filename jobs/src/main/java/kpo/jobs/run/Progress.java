package kpo.jobs.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * One line per stage on standard error, with its counts, time and memory; silent with {@code --quiet}.
 *
 * <p>The memory is the most heap the JVM still held after a garbage collection during the stage
 * (in local mode the driver and the executors share the JVM): what the stage kept live, not the
 * garbage it left for the collector, so it says how large a heap the stage needs. It is an upper
 * bound, since a young collection leaves old garbage in place.
 */
final class Progress implements AutoCloseable {

    private final PrintWriter err;
    private final boolean quiet;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Long> heapBytes = new LinkedHashMap<>();
    private final AtomicLong stagePeak = new AtomicLong();
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final NotificationListener afterCollection = this::afterCollection;
    private final Map<String, MemoryPoolMXBean> heapPools = new HashMap<>();
    private long started = System.nanoTime();

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.put(pool.getName(), pool);
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
                collectors.add(emitter);
            }
        }
        stagePeak.set(heapAfterLastCollection());
    }

    /** Ends the current stage: records its time and memory and prints {@code what}. */
    void stage(String name, String what) {
        long now = System.nanoTime();
        double s = (now - started) / 1e9;
        long heap = stagePeak.getAndSet(heapAfterLastCollection());
        seconds.merge(name, s, Double::sum);
        heapBytes.merge(name, heap, Math::max);
        started = now;
        print(name, what, s, heap);
    }

    /**
     * Records a stage that ran inside the current one ({@code nanos} long, just ended) and prints
     * {@code what}: the current stage's time leaves it out, so the two are not counted twice.
     */
    void inside(String name, String what, long nanos) {
        double s = nanos / 1e9;
        long heap = stagePeak.get();
        seconds.merge(name, s, Double::sum);
        heapBytes.merge(name, heap, Math::max);
        started += nanos;
        print(name, what, s, heap);
    }

    private void print(String name, String what, double seconds, long heap) {
        if (!quiet) {
            err.printf(Locale.ROOT, "kpo run: %-8s %s (%.1f s, heap %.1f GB)%n", name, what, seconds, heap / 1e9);
            err.flush();
        }
    }

    /** Seconds per stage, in order. */
    Map<String, Double> timings() {
        return seconds;
    }

    /** Per stage, in order: the most heap held after a garbage collection, in bytes. */
    Map<String, Long> heap() {
        return heapBytes;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : collectors) {
            try {
                emitter.removeNotificationListener(afterCollection);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }

    private void afterCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.containsKey(pool.getKey())) { // not metaspace or the code cache
                used += pool.getValue().getUsed();
            }
        }
        stagePeak.accumulateAndGet(used, Math::max);
    }

    /** The heap in use just after the latest collection: where a stage starts from. */
    private long heapAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools.values()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }
}
