package io.switchboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --name value} pairs and bare switches, each declared once in {@link Flag} with its default
 * and its description, so that {@code --help} and the defaults cannot drift apart. An unknown flag is an error: a
 * typo must not silently run a benchmark with the default.
 */
public final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    public static Options parse(String... args) {
        Options o = new Options();
        for (Flag f : Flag.ALL) {
            o.values.put(f.name(), f.defaultValue());
        }
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Flag f = Flag.named(name);
            if (f.isSwitch()) {
                o.values.put(name, inline == null ? "true" : inline);
            } else if (inline != null) {
                o.values.put(name, inline);
            } else if (i + 1 < args.length) {
                o.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return o;
    }

    public String str(String name) {
        return known(name);
    }

    public boolean on(String name) {
        return Boolean.parseBoolean(known(name));
    }

    public int integer(String name) {
        return (int) Math.round(number(name));
    }

    public long longValue(String name) {
        return Math.round(number(name));
    }

    public double number(String name) {
        String v = known(name);
        try {
            return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + v + "'");
        }
    }

    /** A comma-separated list of numbers; empty when the flag is empty. */
    public List<Double> numbers(String name) {
        List<Double> out = new ArrayList<>();
        for (String part : known(name).split(",")) {
            if (!part.isBlank()) {
                try {
                    out.add(Double.parseDouble(part.trim().replace("_", "")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " must list numbers, not '" + part + "'");
                }
            }
        }
        return out;
    }

    /** Every flag with its effective value, recorded in the result file so that a run can be repeated. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, k.equals("peer-secret") && !v.isEmpty() ? "(set)" : v));
        return m;
    }

    private String known(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("no flag --" + name);
        }
        return values.get(name);
    }
}
