package io.switchboard.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMinterTest {

    @TempDir
    Path keys;

    @Test
    void theTokenVerifiesWithThePublicKeyKeptOnDiskAndCarriesTheClaims() throws Exception {
        var pair = SigningKeys.loadOrCreate(keys);
        var cut = new TokenMinter(pair.getPrivate(), "switchboard-dev", "switchboard");
        String token = cut.mint("al\"ice", List.of("user", "admin"), Instant.ofEpochSecond(1000),
                Instant.ofEpochSecond(4600));

        String[] parts = token.split("\\.");
        var reloaded = SigningKeys.loadOrCreate(keys);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(reloaded.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"upn\":\"al\\\"ice\"", "\"exp\":4600", "\"groups\":[\"user\",\"admin\"]",
                "\"iss\":\"switchboard-dev\"", "\"aud\":\"switchboard\"");
    }

    @Test
    void theKeyPairIsMadeOnceAndKept() {
        var first = SigningKeys.loadOrCreate(keys);
        var second = SigningKeys.loadOrCreate(keys);
        assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(SigningKeys.publicKeyFile(keys)).exists();
    }
}
