package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AuthenticationIT {

    @ParameterizedTest
    @ValueSource(strings = {"missing", "expired", "stranger-signed", "wrong-issuer", "wrong-audience", "garbage"})
    void aBadTokenIsRefusedAtTheHandshakeWith401(String kind) {
        var builder = TestServer.HTTP_CLIENT.newWebSocketBuilder();
        String token = badToken(kind);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        assertThatThrownBy(() -> builder.buildAsync(TestServer.WS, new Chat.Listener() {
        }).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "expired", "stranger-signed", "wrong-issuer", "wrong-audience", "garbage"})
    void aBadTokenIsRefusedByTheRestApi(String kind) throws Exception {
        var request = HttpRequest.newBuilder(TestServer.http("/api/conversations"));
        String token = badToken(kind);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        assertThat(Rest.call(request).status()).isEqualTo(401);
    }

    @Test
    void aBrowserAuthenticatesWithTheTokenCookie() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String conversation = Rest.direct(Tokens.user(alice), bob);
        try (Chat browser = Chat.connectWithCookie(Tokens.user(bob), "browser");
             Chat java = Chat.connect(Tokens.user(alice), "java")) {
            assertThat(browser.hello.getString("userId")).isEqualTo(bob);
            java.sendMessage(conversation, "m", "to the browser");
            assertThat(browser.next("message:new").getString("text")).isEqualTo("to the browser");
        }
        var request = HttpRequest.newBuilder(TestServer.http("/api/conversations"))
                .header("Cookie", "switchboard_token=" + Tokens.user(bob));
        assertThat(Rest.call(request).body()).contains(conversation);
    }

    @Test
    void aCookieUpgradeFromAForeignPageIsRefusedAndFromOurOwnAccepted() throws Exception {
        String token = Tokens.user(Rest.unique("alice"));
        var foreign = TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Cookie", "switchboard_token=" + token)
                .header("Origin", "http://evil.example");
        assertThatThrownBy(() -> foreign.buildAsync(TestServer.WS, new Chat.Listener() {
        }).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));

        var own = TestServer.HTTP_CLIENT.newWebSocketBuilder().header("Cookie", "switchboard_token=" + token)
                .header("Origin", "http://127.0.0.1:" + TestServer.WS_PORT);
        own.buildAsync(TestServer.WS, new Chat.Listener() {
        }).get(10, TimeUnit.SECONDS).abort();
    }

    @Test
    void aBadCookieTokenIsRefused() {
        var builder = TestServer.HTTP_CLIENT.newWebSocketBuilder()
                .header("Cookie", "switchboard_token=" + Tokens.strangerSigned("eve"));
        assertThatThrownBy(() -> builder.buildAsync(TestServer.WS, new Chat.Listener() {
        }).get(10, TimeUnit.SECONDS)).cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void theDevelopmentIssuerMintsTokensTheServerAcceptsUnlessProductionTurnedItOff() throws Exception {
        var answer = Rest.post(null, "/api/dev/tokens", jakarta.json.Json.createObjectBuilder()
                .add("user", Rest.unique("newcomer")).build());
        if (!Tokens.DEV_ISSUER) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.object().getString("code")).isEqualTo("not_found");
            return;
        }
        String token = Rest.expectOk(answer).object().getString("token");
        assertThat(Rest.get(token, "/api/conversations").status()).isEqualTo(200);
    }

    @Test
    void aNonMemberCanNeitherSendNorReadHistory() throws Exception {
        String alice = Rest.unique("alice");
        String mallory = Rest.unique("mallory");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (Chat chat = Chat.connect(Tokens.user(mallory), "m")) {
            chat.send("{\"type\":\"message:send\",\"clientMessageId\":\"x1\",\"conversationId\":\"" + conversation
                    + "\",\"text\":\"let me in\"}");
            var error = chat.next("error");
            assertThat(error.getString("code")).isEqualTo("not_member");
            assertThat(error.getString("ref")).isEqualTo("x1");
        }
        var history = Rest.get(Tokens.user(mallory), "/api/conversations/" + conversation + "/messages");
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.object().getString("code")).isEqualTo("not_member");
    }

    private static String badToken(String kind) {
        return switch (kind) {
            case "missing" -> null;
            case "expired" -> Tokens.expired("alice");
            case "stranger-signed" -> Tokens.strangerSigned("alice");
            case "wrong-issuer" -> Tokens.wrongIssuer("alice");
            case "wrong-audience" -> Tokens.wrongAudience("alice");
            default -> "not-a-jwt-at-all";
        };
    }
}
