package io.switchboard.identity.control;

import static io.switchboard.identity.control.TestKeys.FIRST;
import static io.switchboard.identity.control.TestKeys.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeysTest {

    static final String ONE = TestKeys.jwk("one", "sig", FIRST.getPublic());
    static final String TWO = TestKeys.jwk("two", "sig", SECOND.getPublic());

    @TempDir
    Path dir;

    MovableClock clock = new MovableClock(Instant.parse("2025-06-01T12:00:00Z"));
    AtomicReference<String> published = new AtomicReference<>();
    AtomicInteger fetches = new AtomicInteger();
    HttpServer issuer;
    PublicKeys cut;

    @AfterEach
    void stopIssuer() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    @Test
    void aPemFileIsReadByPathAndByFileUrl() throws IOException {
        Path pem = Files.writeString(dir.resolve("issuer.pem"), TestKeys.pem(FIRST.getPublic()));
        assertThat(PublicKeys.at(pem.toString()).forKid("")).isEqualTo(FIRST.getPublic());
        assertThat(PublicKeys.at(pem.toUri().toString()).forKid("any")).isEqualTo(FIRST.getPublic());
    }

    @Test
    void aSingleJwkIsUsedWhateverTheKid() {
        cut = PublicKeys.inline(ONE);
        assertThat(cut.forKid("one")).isEqualTo(FIRST.getPublic());
        assertThat(cut.forKid("other")).isEqualTo(FIRST.getPublic());
    }

    @Test
    void theMicroProfileBase64UrlFormOfAKeySetIsRead() {
        String encoded = TestKeys.base64url(TestKeys.jwks(ONE, TWO).getBytes(StandardCharsets.UTF_8));
        assertThat(PublicKeys.inline(encoded).forKid("two")).isEqualTo(SECOND.getPublic());
    }

    @Test
    void aKeySetFromAFileLeavesOutKeysThatAreNotRsaSigningKeys() throws IOException {
        String ec = "{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}";
        String encryption = TestKeys.jwk("enc", "enc", SECOND.getPublic());
        Path set = Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(ec, encryption, ONE, TWO));
        cut = PublicKeys.at(set.toString(), clock);

        assertThat(cut.forKid("one")).isEqualTo(FIRST.getPublic());
        assertThat(cut.forKid("two")).isEqualTo(SECOND.getPublic());
        assertThat(cut.forKid("")).as("no kid: the first key, as Liberty").isEqualTo(FIRST.getPublic());
        assertThatThrownBy(() -> cut.forKid("enc")).isInstanceOf(InvalidToken.class)
                .hasMessage("The token's signing key is not among the trusted keys.");
        assertThatThrownBy(() -> cut.forKid("ec")).isInstanceOf(InvalidToken.class);
    }

    @Test
    void aRotatedKeyIsFetchedAfterAnUnknownKidButAtMostOnceAMinute() throws IOException {
        published.set(TestKeys.jwks(TestKeys.jwk("zero", "sig", SECOND.getPublic()), ONE));
        cut = PublicKeys.at(serve(), clock);
        assertThat(fetches).as("read at first use, not before").hasValue(0);
        assertThat(cut.forKid("one")).isEqualTo(FIRST.getPublic());

        published.set(TestKeys.jwks(ONE, TWO));
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> cut.forKid("two")).as("within the minute").isInstanceOf(InvalidToken.class);
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(cut.forKid("two")).isEqualTo(SECOND.getPublic());
        assertThat(fetches).hasValue(2);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> cut.forKid("made-up")).isInstanceOf(InvalidToken.class);
        }
        assertThat(cut.forKid("one")).isEqualTo(FIRST.getPublic());
        assertThat(fetches).as("made-up kids do not hammer the issuer").hasValue(2);
    }

    @Test
    void whenTheIssuerFailsLaterTheKeysReadBeforeAreKept() throws IOException {
        published.set(TestKeys.jwks(ONE, TWO));
        cut = PublicKeys.at(serve(), clock);
        assertThat(cut.forKid("one")).isEqualTo(FIRST.getPublic());

        published.set(null);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> cut.forKid("three")).isInstanceOf(InvalidToken.class);
        assertThat(fetches).hasValue(2);
        assertThat(cut.forKid("two")).isEqualTo(SECOND.getPublic());
    }

    @Test
    void anUnreachableIssuerIsNamedInTheFailure() throws IOException {
        String location = serve();
        assertThatIllegalStateException().isThrownBy(() -> PublicKeys.at(location, clock).forKid("one"))
                .withMessageContaining(location).withMessageContaining("HTTP status 404");
    }

    @Test
    void aMissingFileIsNamedInTheFailureAndTriedAgainAfterAMinute() throws IOException {
        Path pem = dir.resolve("later.pem");
        cut = PublicKeys.at(pem.toString(), clock);
        assertThatIllegalStateException().isThrownBy(() -> cut.forKid(""))
                .withMessage("The trusted keys at " + pem + " cannot be read: there is no such file.");

        Files.writeString(pem, TestKeys.pem(FIRST.getPublic()));
        assertThatIllegalStateException().isThrownBy(() -> cut.forKid(""));
        clock.advance(Duration.ofMinutes(1));
        assertThat(cut.forKid("")).isEqualTo(FIRST.getPublic());
    }

    @Test
    void aDocumentThatHoldsNoKeyIsNamedInTheFailure() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertThatIllegalStateException().isThrownBy(() -> PublicKeys.at(garbage.toString()).forKid(""))
                .withMessageContaining(garbage.toString()).withMessageContaining("PUBLIC KEY");
        assertThatIllegalStateException().isThrownBy(() -> PublicKeys.inline("{\"keys\":[]}").forKid(""))
                .withMessageContaining("mp.jwt.verify.publickey").withMessageContaining("no RSA signing key");
    }

    @Test
    void aKeyShorterThan2048BitsIsRefusedAsLibertyDoes() {
        String weak = TestKeys.pem(TestKeys.generate(1024).getPublic());
        assertThatIllegalStateException().isThrownBy(() -> PublicKeys.inline(weak).forKid(""))
                .withMessageContaining("2048 bits");
    }

    /** An issuer's key set endpoint that answers {@code published}, or 404 while that is null. */
    private String serve() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            String body = published.get();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        issuer.start();
        return "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks";
    }
}
