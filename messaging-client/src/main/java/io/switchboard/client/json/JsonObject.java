package io.switchboard.client.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, read-only access to the fields of a parsed object; a missing or mistyped field is a JsonException. */
public final class JsonObject {

    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static JsonObject of(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return new JsonObject(Collections.unmodifiableMap(copy));
    }

    /** True when the field is present and not null. */
    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public String string(String name) {
        return required(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return has(name) ? Optional.of(string(name)) : Optional.empty();
    }

    public long integer(String name) {
        return required(name, Long.class);
    }

    public long integer(String name, long fallback) {
        return has(name) ? integer(name) : fallback;
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? required(name, Boolean.class) : fallback;
    }

    public Optional<JsonObject> object(String name) {
        return has(name) ? Optional.of(of(required(name, Map.class))) : Optional.empty();
    }

    public List<?> array(String name) {
        return required(name, List.class);
    }

    public Map<String, Object> asMap() {
        return fields;
    }

    private <T> T required(String name, Class<T> type) {
        Object value = fields.get(name);
        if (value == null) {
            throw new JsonException("missing field '" + name + "'");
        }
        if (!type.isInstance(value)) {
            throw new JsonException("field '" + name + "' is not a " + type.getSimpleName().toLowerCase());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return JsonWriter.write(fields);
    }
}
