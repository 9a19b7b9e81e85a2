package org.pmtriage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.event.Timeline;
import org.pmtriage.report.Story.Mark;
import org.pmtriage.report.Story.Step;

/**
 * Draws a {@link Story} as an inline SVG timeline: a lane per process, a mark per event (each kind
 * its own shape and text label, with a {@code <title>}), arrows for spawns, bands while a process
 * may hold the object, a time axis in milliseconds and the gaps between the key events.
 */
final class TimelineSvg {

    /** Lanes drawn; further processes are named in the caption only. */
    static final int MAX_LANES = 10;
    /** Gaps written under the axis. */
    private static final int MAX_GAPS = 12;

    private static final int WIDTH = 1000;
    private static final int LEFT = 170;
    private static final int LANE_HEIGHT = 58;
    private static final int TOP = 10;
    private static final int LABEL_ROWS = 2;
    private static final int GAP_ROWS = 3;

    private final Story story;
    private final List<ProcessRef> lanes;
    private final Map<ProcessRef, Integer> laneOf = new HashMap<>();
    private final TimelineScale scale;
    private final StringBuilder svg = new StringBuilder(8192);

    /** @param story what to draw */
    TimelineSvg(Story story) {
        this.story = story;
        this.lanes = story.roles().keySet().stream().limit(MAX_LANES).toList();
        for (int i = 0; i < lanes.size(); i++) {
            laneOf.put(lanes.get(i), i);
        }
        long[] times = story.steps().stream().filter(s -> s.mark() != Mark.EXIT && laneOf.containsKey(s.process()))
                .mapToLong(Step::at).toArray();
        this.scale = new TimelineScale(times.length > 0 ? times : new long[] {story.steps().get(0).at()}, LEFT,
                WIDTH - LEFT - 24);
    }

    /** @return the moment the axis counts from */
    long origin() {
        return scale.origin();
    }

    /** @return processes of the story not drawn */
    int hiddenLanes() {
        return story.roles().size() - lanes.size();
    }

    /**
     * @param id    unique prefix for element ids on the page
     * @param title what the picture shows, for assistive technology
     * @return the {@code <svg>} element
     */
    String render(String id, String title) {
        int axisY = TOP + lanes.size() * LANE_HEIGHT + 6;
        int height = axisY + 52 + GAP_ROWS * 18;
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\"><title id=\"").append(id)
                .append("-title\">").append(Html.esc(title)).append("</title>");
        lanes(axisY);
        holds();
        spawns();
        marks();
        axis(axisY);
        gaps(axisY + 52);
        return svg.append("</svg>").toString();
    }

    private double laneY(int lane) {
        return TOP + lane * LANE_HEIGHT + 40;
    }

    private void lanes(int axisY) {
        for (int i = 0; i < lanes.size(); i++) {
            ProcessRef p = lanes.get(i);
            double y = laneY(i);
            double x1 = p.startedAt() == ProcessRef.UNKNOWN_TIME ? LEFT : scale.x(p.startedAt());
            double x2 = p.exitedAt() == ProcessRef.UNKNOWN_TIME ? scale.right() : scale.x(p.exitedAt());
            svg.append("<g class=\"lane\"><text class=\"lane-name\" x=\"8\" y=\"").append(f(y - 3)).append("\">")
                    .append(Html.esc(p.name().length() > 22 ? p.name().substring(0, 21) + "…" : p.name())).append("</text><text class=\"lane-sub\" x=\"8\" y=\"").append(f(y + 11))
                    .append("\">PID ").append(p.pidLabel()).append(" · ").append(story.roles().get(p)).append("</text>");
            svg.append("<line class=\"lane-line\" x1=\"").append(f(x1)).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(f(Math.max(x1, x2))).append("\" y2=\"").append(f(y)).append("\"/></g>");
        }
        svg.append("<line class=\"axis-line\" x1=\"").append(LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"")
                .append(f(scale.right())).append("\" y2=\"").append(axisY).append("\"/>");
    }

    private void holds() {
        for (Story.Hold h : story.holds()) {
            Integer lane = laneOf.get(h.process());
            if (lane == null) {
                continue;
            }
            double x1 = scale.x(h.from());
            double x2 = h.to() == Long.MAX_VALUE ? scale.right() : scale.x(h.to());
            String until = h.to() == Long.MAX_VALUE ? "beyond the events shown" : Timeline.format(h.to());
            svg.append("<rect class=\"hold\" x=\"").append(f(x1)).append("\" y=\"").append(f(laneY(lane) - 5))
                    .append("\" width=\"").append(f(Math.max(1, x2 - x1))).append("\" height=\"10\"><title>")
                    .append(Html.who(h.process())).append(" may hold the file object from ")
                    .append(Timeline.format(h.from())).append(" to ").append(until).append("</title></rect>");
        }
    }

    private void spawns() {
        for (Spawn s : story.spawns()) {
            Integer from = laneOf.get(s.parent());
            Integer to = laneOf.get(s.child());
            if (from == null || to == null) {
                continue;
            }
            double x = scale.x(s.at());
            double y1 = laneY(from);
            double y2 = laneY(to);
            double dir = Math.signum(y2 - y1);
            double tip = y2 - dir * 7;
            svg.append("<g class=\"spawn-arrow\"><line x1=\"").append(f(x)).append("\" y1=\"").append(f(y1 + dir * 7))
                    .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(f(tip - dir * 6)).append("\"/><path d=\"M")
                    .append(f(x - 5)).append(' ').append(f(tip - dir * 8)).append(" L").append(f(x + 5)).append(' ')
                    .append(f(tip - dir * 8)).append(" L").append(f(x)).append(' ').append(f(tip)).append(" Z\"/></g>");
        }
    }

    private void marks() {
        Map<Integer, LabelRows> rowsByLane = new HashMap<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            rowsByLane.put(lane, new LabelRows(LABEL_ROWS));
        }
        for (Spawn sp : story.spawns()) {
            Integer from = laneOf.get(sp.parent());
            Integer to = laneOf.get(sp.child());
            if (from != null && to != null) {
                double x = scale.x(sp.at());
                for (int lane = Math.min(from, to) + 1; lane <= Math.max(from, to); lane++) {
                    rowsByLane.get(lane).block(x - 2, x + 2);
                }
            }
        }
        Map<Step, String> runLabels = runLabels();
        List<Step> byPriority = new ArrayList<>(story.steps());
        byPriority.sort(Comparator.comparingInt(s -> priority(s.mark())));
        StringBuilder offscale = new StringBuilder();
        for (Step s : byPriority) {
            Integer lane = laneOf.get(s.process());
            if (lane == null) {
                continue;
            }
            double y = laneY(lane);
            if (!scale.shows(s.at())) {
                offscale.append("<g class=\"mark ").append(s.mark().css()).append(" offscale\"><title>").append(title(s))
                        .append("</title><text class=\"mark-label\" text-anchor=\"end\" x=\"").append(f(scale.right()))
                        .append("\" y=\"").append(f(y + 16)).append("\">").append(Html.esc(s.label(), Html.MAX_NAME))
                        .append(" at ").append(offset(s.at() - scale.origin())).append(" →</text></g>");
                continue;
            }
            double x = scale.x(s.at());
            svg.append("<g class=\"mark ").append(s.mark().css()).append('"');
            if (s.record() >= 0) {
                svg.append(" data-record=\"").append(s.record()).append('"');
            }
            svg.append("><title>").append(title(s)).append("</title>").append(shape(s.mark(), x, y));
            String text = runLabels.getOrDefault(s, s.label());
            if (!text.isEmpty()) {
                label(text, x, y, rowsByLane.get(lane), s.mark() != Mark.USE && s.mark() != Mark.EXIT);
            }
            svg.append("</g>");
        }
        svg.append(offscale);
    }

    /**
     * Writes a mark's label above it where it overlaps no other label or arrow: centred, else beside
     * the mark; when nothing fits, a required label overlaps, any other is left to the mark's title.
     */
    private void label(String text, double x, double y, LabelRows rows, boolean required) {
        double w = LabelRows.width(text);
        double[] centres = {x, x - 6 + w / 2, x + 6 - w / 2};
        for (int row = 0; row < rows.count(); row++) {
            for (double c : centres) {
                double cx = Math.max(LEFT + w / 2, Math.min(WIDTH - w / 2 - 2, c));
                if (rows.free(row, cx - w / 2 - 3, cx + w / 2 + 3)) {
                    rows.take(row, cx - w / 2 - 3, cx + w / 2 + 3);
                    labelText(text, cx, y - 11 - row * 13);
                    return;
                }
            }
        }
        if (required) {
            labelText(text, Math.max(LEFT + w / 2, Math.min(WIDTH - w / 2 - 2, x)), y - 11 - (rows.count() - 1) * 13);
        }
    }

    private void labelText(String text, double cx, double y) {
        svg.append("<text class=\"mark-label\" text-anchor=\"middle\" x=\"").append(f(cx)).append("\" y=\"").append(f(y))
                .append("\">").append(Html.esc(text, Html.MAX_NAME)).append("</text>");
    }

    private static int priority(Mark m) {
        return switch (m) {
            case REFUSED -> 0;
            case OPEN -> 1;
            case SPAWN -> 2;
            case CLOSE -> 3;
            case EXIT -> 4;
            case USE -> 5;
        };
    }

    /** @return the shape of a mark centred on (x, y); the legend uses it too */
    static String shape(Mark m, double x, double y) {
        return switch (m) {
            case OPEN -> "<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"6\"/>";
            case SPAWN -> "<path d=\"M" + f(x - 7) + ' ' + f(y - 6) + " L" + f(x + 7) + ' ' + f(y - 6) + " L" + f(x)
                    + ' ' + f(y + 7) + " Z\"/>";
            case USE -> "<path d=\"M" + f(x) + ' ' + f(y - 5) + " L" + f(x + 5) + ' ' + f(y) + " L" + f(x) + ' '
                    + f(y + 5) + " L" + f(x - 5) + ' ' + f(y) + " Z\"/>";
            case REFUSED -> "<path d=\"M" + f(x - 7) + ' ' + f(y - 7) + " L" + f(x + 7) + ' ' + f(y + 7) + " M" + f(x - 7)
                    + ' ' + f(y + 7) + " L" + f(x + 7) + ' ' + f(y - 7) + "\"/>";
            case CLOSE -> "<rect x=\"" + f(x - 6) + "\" y=\"" + f(y - 6) + "\" width=\"12\" height=\"12\"/>";
            case EXIT -> "<rect x=\"" + f(x - 1.5) + "\" y=\"" + f(y - 9) + "\" width=\"3\" height=\"18\"/>";
        };
    }

    private String title(Step s) {
        StringBuilder t = new StringBuilder();
        t.append(Html.esc(s.operation(), Html.MAX_NAME)).append(" by ").append(Html.who(s.process()));
        if (s.child() != null) {
            t.append(" creating ").append(Html.who(s.child()));
        }
        t.append(" at ").append(Timeline.format(s.at())).append(" (").append(offset(s.at() - scale.origin())).append(")");
        if (!s.result().isEmpty() && !s.result().equals("SUCCESS")) {
            t.append(": ").append(Html.esc(s.result(), Html.MAX_NAME));
        }
        if (s.record() >= 0) {
            t.append(", record ").append(s.record());
        }
        if (s.mark() != Mark.SPAWN && !s.detail().isEmpty()) {
            t.append(". ").append(Html.esc(s.detail(), Html.MAX_DETAIL));
        }
        return t.toString();
    }

    private void axis(int y) {
        svg.append("<g class=\"axis\">");
        for (TimelineScale.Tick t : scale.ticks()) {
            svg.append("<line x1=\"").append(f(t.x())).append("\" y1=\"").append(y).append("\" x2=\"").append(f(t.x()))
                    .append("\" y2=\"").append(y + 5).append("\"/><text text-anchor=\"middle\" x=\"").append(f(t.x()))
                    .append("\" y=\"").append(y + 17).append("\">").append(t.label()).append("</text>");
        }
        for (TimelineScale.Break b : scale.breaks()) {
            double mid = (b.x0() + b.x1()) / 2;
            svg.append("<g class=\"axis-break\"><title>").append(Timeline.millisText(b.to() - b.from()) + " ms")
                    .append(" without events, cut short</title><rect x=\"").append(f(mid - 9)).append("\" y=\"")
                    .append(y - 6).append("\" width=\"18\" height=\"12\"/><path d=\"M").append(f(mid - 8)).append(' ')
                    .append(y + 6).append(" L").append(f(mid - 2)).append(' ').append(y - 6).append(" M").append(f(mid + 2))
                    .append(' ').append(y + 6).append(" L").append(f(mid + 8)).append(' ').append(y - 6)
                    .append("\"/><text text-anchor=\"middle\" x=\"").append(f(mid)).append("\" y=\"").append(y + 30)
                    .append("\">≈ ").append(Timeline.millisText(b.to() - b.from()) + " ms").append("</text></g>");
        }
        svg.append("<text class=\"axis-unit\" x=\"8\" y=\"").append(y + 17).append("\">ms after ")
                .append(Timeline.format(scale.origin())).append("</text></g>");
    }

    /**
     * Repeated I/O of one operation on a lane, with no other mark of that lane between, is one run:
     * its first mark is labelled {@code WriteFile ×12}, the others not at all.
     *
     * @return the label of each I/O mark that is part of a run of two or more
     */
    private Map<Step, String> runLabels() {
        Map<Step, String> labels = new IdentityHashMap<>();
        Map<Integer, List<Step>> runByLane = new HashMap<>();
        for (Step s : story.steps()) {
            Integer lane = laneOf.get(s.process());
            if (lane == null) {
                continue;
            }
            List<Step> run = runByLane.get(lane);
            if (run != null && (s.mark() != Mark.USE || !run.get(0).operation().equals(s.operation()))) {
                endRun(run, labels);
                runByLane.remove(lane);
            }
            if (s.mark() == Mark.USE) {
                runByLane.computeIfAbsent(lane, k -> new ArrayList<>()).add(s);
            }
        }
        runByLane.values().forEach(run -> endRun(run, labels));
        return labels;
    }

    private static void endRun(List<Step> run, Map<Step, String> labels) {
        if (run.size() > 1) {
            labels.put(run.get(0), run.get(0).operation() + " \u00d7" + run.size());
            run.subList(1, run.size()).forEach(s -> labels.put(s, ""));
        }
    }

    private void gaps(int top) {
        List<Step> keySteps = new ArrayList<>();
        for (Step s : story.steps()) {
            if (s.mark() != Mark.USE && s.mark() != Mark.EXIT && laneOf.containsKey(s.process())
                    && (keySteps.isEmpty() || keySteps.get(keySteps.size() - 1).at() != s.at())
                    && keySteps.size() <= MAX_GAPS) {
                keySteps.add(s);
            }
        }
        long[] keys = keySteps.stream().mapToLong(Step::at).toArray();
        LabelRows rows = new LabelRows(GAP_ROWS);
        svg.append("<g class=\"gaps\">");
        for (int i = 1; i < keys.length; i++) {
            double x1 = scale.x(keys[i - 1]);
            double x2 = scale.x(keys[i]);
            String label = gapName(keySteps.get(i - 1).mark()) + " \u2192 " + gapName(keySteps.get(i).mark()) + " "
                    + Timeline.millisText(keys[i] - keys[i - 1]) + " ms";
            double w = LabelRows.width(label);
            double cx = (x1 + x2) / 2;
            int row = rows.takeFirstFree(Math.min(x1, cx - w / 2) - 2, Math.max(x2, cx + w / 2) + 2);
            if (row < 0) {
                row = GAP_ROWS - 1;
            }
            double y = top + row * 18;
            svg.append("<g class=\"gap\"><title>").append(label).append(" from ").append(Timeline.format(keys[i - 1]))
                    .append(" to ").append(Timeline.format(keys[i])).append("</title><path d=\"M").append(f(x1)).append(' ')
                    .append(f(y - 4)).append(" V").append(f(y + 4)).append(" M").append(f(x1)).append(' ').append(f(y))
                    .append(" H").append(f(x2)).append(" M").append(f(x2)).append(' ').append(f(y - 4)).append(" V")
                    .append(f(y + 4)).append("\"/><text text-anchor=\"middle\" x=\"").append(f(cx)).append("\" y=\"")
                    .append(f(y - 3)).append("\">").append(label).append("</text></g>");
        }
        svg.append("</g>");
    }

    /** @return the short name a gap bracket gives a mark, e.g. {@code open} */
    private static String gapName(Mark mark) {
        return switch (mark) {
            case OPEN -> "open";
            case SPAWN -> "spawn";
            case REFUSED -> "refused";
            case CLOSE -> "close";
            case USE -> "I/O";
            case EXIT -> "exit";
        };
    }

    /** @return a position after the axis origin, signed: {@code +18.9 ms} */
    private static String offset(long ticks) {
        return (ticks >= 0 ? "+" : "") + Timeline.millisText(ticks) + " ms";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
