package org.pmtriage.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pmtriage.event.Timeline;

/**
 * Maps timeline ticks to x positions: one linear scale, except that a gap far longer than all the
 * others together is cut short (a break, labelled with its length) so that short steps stay
 * readable beside it.
 */
final class TimelineScale {

    /** Width of a break on the axis. */
    static final double BREAK_WIDTH = 56;
    /** A gap is cut when it is longer than this many times the other gaps together. */
    private static final long BREAK_RATIO = 10;
    /** Gaps shorter than this are never cut (ticks). */
    private static final long MIN_BREAK = Timeline.TICKS_PER_MILLI;
    /** The shortest axis (ticks), so that a single moment still gets a scale. */
    private static final long MIN_SPAN = 100;
    private static final double PAD = 14;
    private static final double TICK_SPACING = 90;

    /** A stretch of time drawn linearly. */
    record Segment(long from, long to, double x0, double x1) {
    }

    /** A gap cut short: between {@code from} and {@code to}, drawn from {@code x0} to {@code x1}. */
    record Break(long from, long to, double x0, double x1) {
    }

    /** A labelled position on the axis. */
    record Tick(double x, String label) {
    }

    private final long origin;
    private final double left;
    private final double right;
    private final double pxPerTick;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Break> breaks = new ArrayList<>();

    /**
     * @param times the moments that must be readable, in any order (at least one)
     * @param left  x of the axis start
     * @param width width of the axis
     */
    TimelineScale(long[] times, double left, double width) {
        long[] keys = java.util.Arrays.stream(times).sorted().distinct().toArray();
        this.origin = keys[0];
        this.left = left;
        this.right = left + width;
        boolean[] cut = new boolean[keys.length];
        long linear = keys[keys.length - 1] - keys[0];
        while (true) {
            int widest = -1;
            for (int i = 1; i < keys.length; i++) {
                if (!cut[i] && (widest < 0 || keys[i] - keys[i - 1] > keys[widest] - keys[widest - 1])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            long gap = keys[widest] - keys[widest - 1];
            if (gap < MIN_BREAK || gap <= BREAK_RATIO * (linear - gap)) {
                break;
            }
            cut[widest] = true;
            linear -= gap;
        }
        List<long[]> spans = new ArrayList<>();
        long from = keys[0];
        for (int i = 1; i <= keys.length; i++) {
            if (i == keys.length || cut[i]) {
                spans.add(new long[] {from, keys[i - 1]});
                if (i < keys.length) {
                    from = keys[i];
                }
            }
        }
        if (linear < MIN_SPAN) {
            spans.get(spans.size() - 1)[1] += MIN_SPAN - linear;
            linear = MIN_SPAN;
        }
        int n = spans.size();
        pxPerTick = (width - n * 2 * PAD - (n - 1) * BREAK_WIDTH) / linear;
        double x = left;
        for (long[] s : spans) {
            if (!segments.isEmpty()) {
                Segment last = segments.get(segments.size() - 1);
                breaks.add(new Break(last.to(), s[0], x - PAD, x + BREAK_WIDTH + PAD));
                x += BREAK_WIDTH;
            }
            double x0 = x + PAD;
            double x1 = x0 + (s[1] - s[0]) * pxPerTick;
            segments.add(new Segment(s[0], s[1], x0, x1));
            x = x1 + PAD;
        }
    }

    /** @return the moment the axis labels count from (its first key time) */
    long origin() {
        return origin;
    }

    /** @return the last moment drawn to scale */
    long end() {
        return segments.get(segments.size() - 1).to();
    }

    /** @return whether the moment lies on the drawn axis (not past its end) */
    boolean shows(long t) {
        return t <= end() + (long) (PAD / pxPerTick);
    }

    /** @return the x of a moment; inside a break, proportionally across it; clamped to the axis */
    double x(long t) {
        Segment first = segments.get(0);
        if (t < first.from()) {
            return Math.max(left, first.x0() - (first.from() - t) * pxPerTick);
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (t <= s.to()) {
                return s.x0() + (t - s.from()) * pxPerTick;
            }
            if (i + 1 < segments.size() && t < segments.get(i + 1).from()) {
                Segment next = segments.get(i + 1);
                double f = (t - s.to()) / (double) (next.from() - s.to());
                return s.x1() + f * (next.x0() - s.x1());
            }
        }
        Segment last = segments.get(segments.size() - 1);
        return Math.min(right, last.x1() + (t - last.to()) * pxPerTick);
    }

    /** @return the right end of the axis */
    double right() {
        return right;
    }

    /** @return the gaps cut short */
    List<Break> breaks() {
        return breaks;
    }

    /** @return round positions, in milliseconds after {@link #origin()}, and the start of each segment after a break */
    List<Tick> ticks() {
        long total = segments.stream().mapToLong(s -> s.to() - s.from()).sum();
        double usable = segments.stream().mapToDouble(s -> s.x1() - s.x0()).sum();
        long step = nice(Math.max(1, (long) (total * TICK_SPACING / Math.max(usable, 1))));
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step / (double) Timeline.TICKS_PER_MILLI) - 1e-9));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            double startX = s.x0();
            if (i > 0) {
                ticks.add(new Tick(startX, label(s.from() - origin, Math.max(decimals, 1))));
            }
            for (long t = Math.floorDiv(s.from() - origin + step - 1, step) * step; t <= s.to() - origin; t += step) {
                double x = x(origin + t);
                if (i == 0 || x - startX > TICK_SPACING * 0.6) {
                    ticks.add(new Tick(x, label(t, decimals)));
                }
            }
        }
        return ticks;
    }

    private static String label(long ticks, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ms", ticks / (double) Timeline.TICKS_PER_MILLI);
    }

    /** @return 1, 2 or 5 times a power of ten, near {@code raw} */
    private static long nice(long raw) {
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        double f = raw / (double) power;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
    }
}
