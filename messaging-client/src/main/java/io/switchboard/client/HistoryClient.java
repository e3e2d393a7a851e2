package io.switchboard.client;

import io.switchboard.client.json.JsonException;
import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Pages a conversation's history over REST, with the same token as the WebSocket. */
final class HistoryClient {

    private final HttpClient http;
    private final URI base;
    private final Tokens tokens;
    private final Duration timeout;

    HistoryClient(HttpClient http, URI base, Tokens tokens, Duration timeout) {
        this.http = http;
        this.base = base;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** Messages with seq above {@code afterSeq}, at most {@code limit} (the server allows 1 to 500). */
    CompletableFuture<HistoryPage> fetch(String conversationId, long afterSeq, int limit) {
        URI uri = base.resolve("api/conversations/" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8)
                + "/messages?after=" + afterSeq + "&limit=" + limit);
        return tokens.next()
                .thenCompose(token -> http.sendAsync(request(uri, token), HttpResponse.BodyHandlers.ofString()))
                .thenApply(response -> page(response.statusCode(), response.body()));
    }

    private HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    static HistoryPage page(int status, String text) {
        if (status != 200) {
            throw error(status, text);
        }
        JsonObject body = JsonReader.parseObject(text);
        List<Message> messages = body.array("messages").stream()
                .map(item -> Frames.message(JsonObject.of((Map<?, ?>) item)))
                .toList();
        return new HistoryPage(messages, body.bool("hasMore", false));
    }

    /** The REST API answers errors as {@code {"code","message"}}; a proxy's page may be anything. */
    static ServerErrorException error(int status, String body) {
        boolean temporary = status == 429 || status >= 500;
        try {
            JsonObject problem = JsonReader.parseObject(body);
            return new ServerErrorException(problem.string("code"), problem.optionalString("message").orElse(""),
                    temporary, "");
        } catch (JsonException notJson) {
            return new ServerErrorException("http_" + status, "the history request failed with HTTP " + status,
                    temporary, "");
        }
    }
}
