package org.pmtriage.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text on a drawing, each remembering which stretches of x are taken, so that labels
 * neither overlap each other nor cross an arrow.
 */
final class LabelRows {

    private final List<List<double[]>> rows = new ArrayList<>();

    /** @param count how many rows there are */
    LabelRows(int count) {
        for (int i = 0; i < count; i++) {
            rows.add(new ArrayList<>());
        }
    }

    /** Takes {@code [lo, hi]} in every row, e.g. where an arrow crosses them. */
    void block(double lo, double hi) {
        rows.forEach(r -> r.add(new double[] {lo, hi}));
    }

    /** Takes {@code [lo, hi]} in that row. */
    void take(int row, double lo, double hi) {
        rows.get(row).add(new double[] {lo, hi});
    }

    /**
     * Takes {@code [lo, hi]} in the first row where it is free.
     *
     * @return that row, or -1 when it is taken in every row (nothing is taken then)
     */
    int takeFirstFree(double lo, double hi) {
        for (int i = 0; i < rows.size(); i++) {
            if (free(i, lo, hi)) {
                take(i, lo, hi);
                return i;
            }
        }
        return -1;
    }

    /** @return whether {@code [lo, hi]} is free in that row */
    boolean free(int row, double lo, double hi) {
        return rows.get(row).stream().noneMatch(r -> lo < r[1] && hi > r[0]);
    }

    /** @return how many rows there are */
    int count() {
        return rows.size();
    }

    /** @return the width of a text in 11 px sans-serif, estimated generously (capitals are wider) */
    static double width(String text) {
        double w = 0;
        for (int i = 0; i < Math.min(text.length(), Html.MAX_NAME); i++) {
            w += Character.isUpperCase(text.charAt(i)) ? 8.2 : 6.4;
        }
        return w;
    }
}
