package io.switchboard.client.example;

import io.switchboard.client.SentAck;
import io.switchboard.client.SwitchboardClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A terminal chat: connects, sends every line typed on standard input to one conversation, and prints every message
 * of the user's conversations as it arrives. End with Ctrl-D.
 *
 * <pre>
 * java -cp messaging-client.jar io.switchboard.client.example.ChatExample \
 *     ws://localhost:9080/ws TOKEN CONVERSATION [DEVICE]
 * </pre>
 */
public final class ChatExample {

    private ChatExample() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ChatExample <ws-url> <token> <conversation-id> [device-id]");
            System.exit(2);
        }
        String conversation = args[2];
        try (SwitchboardClient client = SwitchboardClient.builder()
                .uri(URI.create(args[0]))
                .token(args[1])
                .device(args.length > 3 ? args[3] : "chat-example")
                .listener(message -> System.out.printf("[%s #%d] %s: %s%n", message.conversationId(), message.seq(),
                        message.senderId(), message.text()))
                .connectionListener(change -> System.out.println("* " + change))
                .build()) {
            if (connect(client)) {
                chat(client, conversation);
            }
        }
    }

    /** False when the server refused for good; a slow server is no reason to stop, lines wait in the outbox. */
    private static boolean connect(SwitchboardClient client) throws InterruptedException {
        try {
            System.out.println("* connected as " + client.connect().get(30, TimeUnit.SECONDS).userId());
        } catch (TimeoutException slow) {
            System.out.println("* still connecting; lines wait in the outbox until the server answers");
        } catch (ExecutionException refused) {
            System.out.println("* cannot connect: " + refused.getCause().getMessage());
            return false;
        }
        return true;
    }

    private static void chat(SwitchboardClient client, String conversation) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (!line.isBlank()) {
                sends.add(client.send(conversation, line).whenComplete(ChatExample::report));
            }
        }
        // Closing fails whatever is still unacknowledged, so let the last lines through first.
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .handle((done, error) -> done)
                .get(60, TimeUnit.SECONDS);
    }

    private static void report(SentAck ack, Throwable error) {
        if (error == null) {
            System.out.println("* sent as #" + ack.seq());
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            System.out.println("* not sent: " + cause.getMessage());
        }
    }
}
