package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median of the values present (nulls are runs that did not measure it); null when none is. */
final class Median {

    private Median() {
    }

    static Double of(List<Double> values) {
        List<Double> v = new ArrayList<>();
        for (Double d : values) {
            if (d != null && !d.isNaN()) {
                v.add(d);
            }
        }
        if (v.isEmpty()) {
            return null;
        }
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
