package io.switchboard.bench.proto.switchboard;

import io.switchboard.bench.json.Fields;
import io.switchboard.bench.json.JsonReader;
import io.switchboard.bench.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The two REST calls the generator needs: a token from the development issuer and a new conversation. Calls are
 * synchronous; {@link Batch} runs many at a bounded concurrency. A 503 or a dropped connection is retried a few
 * times (a server busy creating thousands of rows may shed load); any other failure ends the preparation.
 */
final class SwitchboardRest {

    private static final int ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final long tokenTtlSeconds;

    SwitchboardRest(URI base, long tokenTtlSeconds) {
        this.base = base;
        this.tokenTtlSeconds = tokenTtlSeconds;
    }

    String token(String user) {
        String body = JsonWriter.write(Map.of("user", user, "groups", List.of("user"), "ttlSeconds", tokenTtlSeconds));
        Map<String, Object> answer = post("/api/dev/tokens", null, body);
        String token = Fields.str(answer, "token");
        if (token == null) {
            throw new IllegalStateException("POST /api/dev/tokens answered without a token");
        }
        return token;
    }

    String directConversation(String token, String with) {
        return conversation(token, Map.of("type", "direct", "with", with));
    }

    String groupConversation(String token, String name, List<String> others) {
        return conversation(token, Map.of("type", "group", "name", name, "members", others));
    }

    private String conversation(String token, Map<String, Object> request) {
        Map<String, Object> answer = post("/api/conversations", token, JsonWriter.write(request));
        String id = Fields.str(answer, "id");
        if (id == null) {
            throw new IllegalStateException("POST /api/conversations answered without an id");
        }
        return id;
    }

    private Map<String, Object> post(String path, String token, String body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200 || res.statusCode() == 201) {
                    return JsonReader.parseObject(res.body());
                }
                last = new IllegalStateException("POST " + path + " answered " + res.statusCode() + ": "
                        + abbreviate(res.body()) + hint(path, res.statusCode()));
                if (res.statusCode() != 503) {
                    throw last;
                }
            } catch (IOException e) {
                last = new IllegalStateException("POST " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(attempt);
        }
        throw last;
    }

    private static String hint(String path, int status) {
        return status == 404 && path.startsWith("/api/dev/tokens")
                ? " (the development token issuer is off: enable it on the server under test)" : "";
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
