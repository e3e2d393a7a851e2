package io.switchboard.bench.json;

import java.util.Map;

/** Typed reads of parsed JSON objects; a wrong type reads as absent, which frame handlers count as malformed. */
public final class Fields {

    private Fields() {
    }

    public static String str(Map<String, Object> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }

    public static long lng(Map<String, Object> m, String key, long fallback) {
        return m.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    public static double dbl(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    public static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> o ? (Map<String, Object>) o : null;
    }
}
