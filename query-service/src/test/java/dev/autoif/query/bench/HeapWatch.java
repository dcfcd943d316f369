package dev.autoif.query.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches heap use during a phase: the peak of the heap pools (live objects and garbage not yet collected, bounded
 * by the heap size) and the largest heap left after a collection (what was really live, from GC notifications).
 */
final class HeapWatch implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final java.util.Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = (n, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().getUsed()).sum();
        maxAfterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
    };
    private final long baseline;

    HeapWatch() {
        System.gc();
        baseline = heapUsed();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    long baseline() {
        return baseline;
    }

    /** Sum of the pools' peaks (an upper bound of the peak: pools peak at different moments). */
    long peakUsed() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long maxLiveAfterGc() {
        return maxAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // not registered on this collector
            }
        }
    }
}
