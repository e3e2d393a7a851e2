package io.switchboard.bench.report;

import java.util.List;
import java.util.Map;

/** Reads nested values of a parsed result by dotted path ({@code "atMax.endToEndMs.p99"}); absent reads as null. */
final class Dig {

    private Dig() {
    }

    static Object at(Object root, String path) {
        Object cur = root;
        for (String key : path.split("\\.")) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(key);
            } else {
                return null;
            }
        }
        return cur;
    }

    static Double number(Object root, String path) {
        return at(root, path) instanceof Number n ? n.doubleValue() : null;
    }

    static List<?> list(Object root, String path) {
        return at(root, path) instanceof List<?> l ? l : List.of();
    }

    /** A number for a table cell: thousands separators, up to one decimal; "–" when absent. */
    static String cell(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) >= 1000 ? String.format("%,.0f", d)
                    : d == Math.rint(d) ? String.valueOf((long) d)
                    : Math.abs(d) >= 100 ? String.format("%,.0f", d) : String.format("%.1f", d);
        }
        return v == null ? "–" : String.valueOf(v);
    }
}
