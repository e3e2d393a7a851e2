package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

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
            List<List<Long>> own = new ArrayList<>();
            for (Future<List<Long>> future : sent) {
                List<Long> seqs = future.get();
                assertThat(seqs).as("one sender's seqs grow").isSorted();
                all.addAll(seqs);
                own.add(seqs);
            }
            int total = senders * perSender;
            List<Long> everySeq = LongStream.rangeClosed(1, total).boxed().toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(everySeq);

            for (int s = 0; s < senders; s++) {
                List<Long> received = chats.get(s).all("message:new", Duration.ofSeconds(3)).stream()
                        .map(m -> m.getJsonNumber("seq").longValue()).toList();
                assertThat(received).as("in seq order").isSorted();
                assertThat(received).as("its own are not pushed back").doesNotContainAnyElementsOf(own.get(s));
                List<Long> seen = new ArrayList<>(received);
                seen.addAll(own.get(s));
                assertThat(seen).as("with its own, each member has every message once")
                        .containsExactlyInAnyOrderElementsOf(everySeq);
            }
        } finally {
            chats.forEach(Chat::close);
            pool.shutdownNow();
        }
    }
}
