package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MonitoringIT {

    @Test
    void readinessReportsTheDatabaseWithoutCredentials() throws Exception {
        var answer = Rest.call(HttpRequest.newBuilder(TestServer.http("/health/ready")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("switchboard-database").contains("\"UP\"");
    }

    @Test
    void metricsCountConnectionsAndMessagesWithoutCredentials() throws Exception {
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        double storedBefore = metric("switchboard_messages_stored_total");
        double batchesBefore = metric("switchboard_send_batch_count");
        double storesBefore = metric("switchboard_send_store_seconds_count");
        try (Chat chat = Chat.connect(Tokens.user(alice), "a")) {
            // the session registers just after its hello goes out; a poller sees it a moment later
            await().atMost(Duration.ofSeconds(5)).untilAsserted(
                    () -> assertThat(metric("switchboard_connections_active")).isGreaterThanOrEqualTo(1));
            chat.sendMessage(conversation, "m1", "counted");
            chat.sendMessage(conversation, "m1", "counted");
        }
        assertThat(metric("switchboard_messages_stored_total") - storedBefore).isEqualTo(1);
        // Both sends are batched (the repeat finds its original in its batch), maybe together, maybe beside other
        // tests' sends: at least one more batch and one more transaction.
        assertThat(metric("switchboard_send_batch_count") - batchesBefore).isGreaterThanOrEqualTo(1);
        assertThat(metric("switchboard_send_store_seconds_count") - storesBefore).isGreaterThanOrEqualTo(1);
        assertThat(metric("switchboard_send_store_seconds_max")).as("a commit takes some time").isPositive();
    }

    static double metric(String name) throws Exception {
        var answer = Rest.call(HttpRequest.newBuilder(TestServer.http("/metrics?scope=application")));
        assertThat(answer.status()).isEqualTo(200);
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(answer.body());
        assertThat(matcher.find()).as(name + " is exported").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
