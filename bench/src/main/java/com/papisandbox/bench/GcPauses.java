package com.papisandbox.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections of this JVM while it listens, as {@code System.nanoTime()} intervals (from the
 * collectors' millisecond start and end times, so about a millisecond either way). With an in-process
 * sandbox they are the server's collections too.
 */
final class GcPauses implements AutoCloseable {
    /** A collection: nanoTime interval, and the collector's name. */
    record Pause(long startNanos, long endNanos, String collector) {
        boolean overlaps(long from, long to, long marginNanos) {
            return from <= endNanos + marginNanos && to >= startNanos - marginNanos;
        }
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<Runnable> unregister = new ArrayList<>();
    /** nanoTime at the JVM's start, as the collectors' start and end times count from it. */
    private final long jvmStartNanos;

    GcPauses() {
        jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        NotificationListener listener = this::notified;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // gone already
                    }
                });
            }
        }
    }

    private void notified(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        Pause p = new Pause(jvmStartNanos + info.getGcInfo().getStartTime() * 1_000_000L,
                jvmStartNanos + info.getGcInfo().getEndTime() * 1_000_000L, info.getGcName());
        synchronized (pauses) {
            pauses.add(p);
        }
    }

    /** The collections that ended at or after {@code fromNanos}. */
    List<Pause> since(long fromNanos) {
        synchronized (pauses) {
            return pauses.stream().filter(p -> p.endNanos() >= fromNanos).toList();
        }
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
