package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation-list sync: what changed since a token, with unread counts per device. */
class SyncIT {

    @Test
    void aSyncReportsOnlyWhatChangedSinceItsTokenWithUnreadCounts() throws Exception {
        String alice = Rest.unique("alice");
        String bob = Rest.unique("bob");
        String quiet = Rest.direct(Tokens.user(bob), Rest.unique("carol"));
        String busy = Rest.direct(Tokens.user(alice), bob);
        Thread.sleep(6000); // past the overlap a token keeps, so that both are settled before the first sync

        JsonObject first = sync(bob, "phone", null);
        assertThat(ids(first)).containsExactlyInAnyOrder(quiet, busy);

        try (Chat phone = Chat.connect(Tokens.user(bob), "phone")) {
            phone.autoAck = false;
            DeliveryIT.sendMany(alice, busy, 5);
            phone.all("message:new", Duration.ofMillis(500));
            phone.ackAndWait(busy, 2);
        }
        // The unread count is read from the stored cursors: written when the phone's session closes.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject second = sync(bob, "phone", first.getString("token"));
            assertThat(ids(second)).containsExactly(busy);
            JsonObject change = second.getJsonArray("conversations").getJsonObject(0);
            assertThat(change.getJsonObject("conversation").getInt("lastSeq")).isEqualTo(5);
            assertThat(change.getInt("unread")).as("the phone acknowledged 2 of 5").isEqualTo(3);
        });
        assertThat(sync(bob, "laptop", first.getString("token")).getJsonArray("conversations").getJsonObject(0)
                .getInt("unread")).as("a device that saw nothing").isEqualTo(5);
    }

    @Test
    void aMalformedTokenIsABadRequestAndAnExpiredOneIsGone() throws Exception {
        String bob = Rest.unique("bob");
        var malformed = Rest.get(Tokens.user(bob), "/api/sync?since=not-a-token");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.object().getString("code")).isEqualTo("invalid_field");

        String ancient = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:0".getBytes(StandardCharsets.US_ASCII));
        var expired = Rest.get(Tokens.user(bob), "/api/sync?since=" + ancient);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.object().getString("code")).isEqualTo("sync_token_expired");
    }

    private static JsonObject sync(String user, String device, String since) throws Exception {
        String query = "/api/sync?device=" + device + (since == null ? "" : "&since=" + since);
        return Rest.expectOk(Rest.get(Tokens.user(user), query)).object();
    }

    private static List<String> ids(JsonObject answer) {
        return answer.getJsonArray("conversations").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getJsonObject("conversation").getString("id")).toList();
    }
}
