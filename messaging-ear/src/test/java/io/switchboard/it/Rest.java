package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

/** The REST API as a client uses it, with the answer's status and JSON. */
final class Rest {

    record Answer(int status, String body) {
        JsonObject object() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }
    }

    private Rest() {
    }

    static Answer get(String token, String path) throws Exception {
        return call(HttpRequest.newBuilder(TestServer.http(path)).header("Authorization", "Bearer " + token).GET());
    }

    static Answer post(String token, String path, JsonStructure body) throws Exception {
        var request = HttpRequest.newBuilder(TestServer.http(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request);
    }

    static Answer delete(String token, String path) throws Exception {
        return call(HttpRequest.newBuilder(TestServer.http(path)).header("Authorization", "Bearer " + token)
                .DELETE());
    }

    static Answer call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = TestServer.HTTP_CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static String direct(String token, String other) throws Exception {
        Answer answer = post(token, "/api/conversations",
                Json.createObjectBuilder().add("type", "direct").add("with", other).build());
        return expectOk(answer).object().getString("id");
    }

    static String group(String token, String name, String... members) throws Exception {
        var list = Json.createArrayBuilder();
        Arrays.stream(members).forEach(list::add);
        Answer answer = post(token, "/api/conversations", Json.createObjectBuilder().add("type", "group")
                .add("name", name).add("members", list).build());
        return expectOk(answer).object().getString("id");
    }

    static Answer expectOk(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** A user name nobody else in this run (or an earlier run on the same database) has. */
    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
