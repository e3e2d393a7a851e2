package io.switchboard.bench.proto.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PeerTokenTest {

    /** Signed by the peer's own token code (Node crypto) for these claims, so both sides agree byte for byte. */
    private static final String SIGNED_BY_PEER = "eyJzdWIiOiJiZW5jaC1hYmMxMjMtNyIsImV4cCI6MTkwMDAwMDAwMH0"
            + ".5baYeBykXXlLrMTNmm8WgdhH4xe4ktvnfTDYpS-Wyes";

    @Test
    void signsExactlyAsThePeerDoes() {
        PeerToken cut = new PeerToken(PeerToken.DEVELOPMENT_SECRET);
        assertThat(cut.sign("bench-abc123-7", 1_900_000_000L)).isEqualTo(SIGNED_BY_PEER);
    }

    @Test
    void anotherSecretGivesAnotherSignatureOverTheSameClaims() {
        String token = new PeerToken("other").sign("bench-abc123-7", 1_900_000_000L);
        assertThat(token).startsWith(SIGNED_BY_PEER.substring(0, SIGNED_BY_PEER.indexOf('.') + 1))
                .isEqualTo("eyJzdWIiOiJiZW5jaC1hYmMxMjMtNyIsImV4cCI6MTkwMDAwMDAwMH0"
                        + ".nlGfndO6BSSb2hesbgbWeIXp3bmjwSQ52W__ojw_2Q4");
    }

    @Test
    void claimsAreUnpaddedBase64UrlJson() {
        String token = new PeerToken("s").sign("u", 42);
        String body = token.substring(0, token.indexOf('.'));
        assertThat(body).doesNotContain("=");
        assertThat(new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8))
                .isEqualTo("{\"sub\":\"u\",\"exp\":42}");
    }
}
