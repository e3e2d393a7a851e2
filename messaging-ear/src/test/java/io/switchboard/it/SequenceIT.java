package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequenceIT {

    @Test
    void concurrentSendersGetGaplessUniqueSeqsAndEveryoneSeesEveryMessage() throws Exception {
        int senders = 5;
        int perSender = 20;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            users.add(Rest.unique("user" + i));
        }
        String group = Rest.group(Tokens.user(users.get(0)), "busy", users.subList(1, senders).toArray(String[]::new));
        List<Chat> chats = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            for (String user : users) {
                chats.add(Chat.connect(Tokens.user(user), "d"));
            }
            List<Future<List<Long>>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Chat chat = chats.get(s);
                int sender = s;
                sent.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perSender; i++) {
                        seqs.add(chat.sendMessage(group, "s" + sender + "-" + i, "from " + sender + " #" + i)
                                .getJsonNumber("seq").longValue());
                    }
                    return seqs;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : sent) {
                List<Long> seqs = future.get();
                assertThat(seqs).as("one sender's seqs grow").isSorted();
                all.addAll(seqs);
            }
            int total = senders * perSender;
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());

            for (Chat chat : chats) {
                List<JsonObject> received = chat.all("message:new", Duration.ofSeconds(3));
                assertThat(received.stream().map(m -> m.getJsonNumber("seq").longValue()).distinct())
                        .as("each member receives every message once").hasSize(total);
                assertThat(received).hasSize(total);
                assertThat(received.stream().map(m -> m.getJsonNumber("seq").longValue()).toList())
                        .as("in seq order").isSorted();
            }
        } finally {
            chats.forEach(Chat::close);
            pool.shutdownNow();
        }
    }
}
