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
import java.util.Locale;

/**
 * The collections of this JVM while it listens, as {@code System.nanoTime()} intervals. With an in-process
 * sandbox they are the server's collections too.
 *
 * <p>The collectors report start and end in whole milliseconds on a clock of their own: HotSpot counts them
 * from its management start, tens of milliseconds after the origin of the uptime, so neither the uptime nor
 * the JVM start time maps them onto nanoTime. {@link #calibrate} finds the offset with one collection of
 * known bounds: a {@code System.gc()} runs between two nanoTime readings, so its reported start plus the
 * offset is after the first and its end plus the offset before the second. Without that (explicit
 * collections disabled or concurrent), the only bound is that a notification arrives after its collection
 * ended, which places collections too late by the quickest delivery seen.
 */
final class GcPauses implements AutoCloseable {
    private static final long MS = 1_000_000L;

    /**
     * A collection: the nanoTime interval it may have taken (widened by the mapping's uncertainty), its
     * duration as the collector reported it, and the collector's name.
     */
    record Pause(long startNanos, long endNanos, long durationNanos, String collector) {
        boolean overlaps(long from, long to, long marginNanos) {
            return from <= endNanos + marginNanos && to >= startNanos - marginNanos;
        }
    }

    /** start and end as reported (ms on the collectors' clock, in ns), and the notification's arrival (nanoTime). */
    private record Reported(long start, long end, long arrived, String collector) {
    }

    private final List<Reported> reported = new ArrayList<>();
    private final List<Runnable> unregister = new ArrayList<>();
    /** The collectors' clock plus this is nanoTime; set by calibrate(). */
    private long offset;
    /** How far off the offset may be; every pause is widened by it. */
    private long uncertainty;
    private boolean calibrated;
    private String calibration = "not calibrated";

    GcPauses() {
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
        long arrived = System.nanoTime();
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        Reported r = new Reported(info.getGcInfo().getStartTime() * MS, info.getGcInfo().getEndTime() * MS, arrived, info.getGcName());
        synchronized (reported) {
            reported.add(r);
            reported.notifyAll();
        }
    }

    /**
     * Runs one {@code System.gc()} and maps the collectors' clock onto nanoTime with it, to within the
     * time System.gc() spent outside the collection plus the millisecond rounding. Returns a description.
     */
    String calibrate() throws InterruptedException {
        int seen;
        synchronized (reported) {
            seen = reported.size();
        }
        long before = System.nanoTime();
        System.gc();
        long after = System.nanoTime();
        // the collections of System.gc() (the parallel collector runs a young one, then a full one): wait until
        // their notifications have stopped coming
        long deadline = after + 2_000 * MS;
        List<Reported> ours = new ArrayList<>();
        synchronized (reported) {
            long quietUntil = System.nanoTime() + 300 * MS;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                int before0 = reported.size();
                reported.wait(Math.max(1, (Math.min(deadline, quietUntil) - System.nanoTime()) / MS));
                if (reported.size() > before0) quietUntil = System.nanoTime() + 300 * MS;
            }
            ours.addAll(reported.subList(seen, reported.size()));
        }
        // every one of them ran between the two readings: start + offset >= before, end + offset <= after
        // (each reported time is a whole millisecond: one more either way)
        long low = Long.MIN_VALUE;
        long high = Long.MAX_VALUE;
        int used = 0;
        for (Reported r : ours) {
            long l = Math.max(low, before - r.start() - MS);
            long h = Math.min(high, after - r.end() + MS);
            if (l > h) break; // a collection that was not System.gc()'s
            low = l;
            high = h;
            used++;
        }
        if (used > 0) {
            offset = low + (high - low) / 2;
            uncertainty = (high - low) / 2;
            calibrated = true;
            calibration = String.format(Locale.ROOT, "collector clock mapped onto nanoTime by a System.gc() (%d collection%s) to "
                    + "within ±%.1f ms", used, used == 1 ? "" : "s", (high - low) / 2e6);
        } else {
            calibration = "System.gc() was not seen as a collection: collections are placed by their notifications' arrival "
                    + "(late by the quickest delivery)";
        }
        return calibration;
    }

    String calibration() {
        return calibration;
    }

    /** The collections seen so far that ended at or after {@code fromNanos}. */
    List<Pause> since(long fromNanos) {
        synchronized (reported) {
            if (reported.isEmpty()) return List.of();
            long shift = offset;
            if (!calibrated) {
                shift = Long.MAX_VALUE;
                for (Reported r : reported) shift = Math.min(shift, r.arrived() - r.end() - MS);
            }
            List<Pause> pauses = new ArrayList<>();
            for (Reported r : reported) {
                // whole milliseconds: widened by one on each side, and by the calibration's uncertainty
                Pause p = new Pause(r.start() + shift - MS - uncertainty, r.end() + shift + MS + uncertainty,
                        r.end() - r.start(), r.collector());
                if (p.endNanos() >= fromNanos) pauses.add(p);
            }
            return pauses;
        }
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
