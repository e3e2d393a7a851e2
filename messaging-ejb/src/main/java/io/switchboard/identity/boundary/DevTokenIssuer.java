package io.switchboard.identity.boundary;

import io.switchboard.identity.control.SigningKeys;
import io.switchboard.identity.control.TokenMinter;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development token issuer. It exists so that a fresh server is usable at once; production turns it off
 * ({@code switchboard.dev-issuer.enabled=false}) and trusts an external issuer instead.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DevTokenIssuer {

    private static final Logger LOG = Logger.getLogger(DevTokenIssuer.class.getName());
    private static final Set<String> KNOWN_GROUPS = Set.of("user", "admin");
    public static final Duration MAX_TTL = Duration.ofDays(1);

    @Inject
    @ConfigProperty(name = "switchboard.dev-issuer.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "switchboard.data.dir")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "switchboard-dev")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "switchboard")
    String audience;

    private TokenMinter minter;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("event=dev_issuer state=disabled");
            return;
        }
        Path keys = Path.of(dataDirectory, "keys");
        minter = new TokenMinter(SigningKeys.loadOrCreate(keys).getPrivate(), issuer, audience.split(",")[0]);
        LOG.info(() -> "event=dev_issuer state=enabled issuer=" + issuer + " publicKey=" + SigningKeys.publicKeyFile(keys));
    }

    public boolean enabled() {
        return enabled;
    }

    public IssuedToken issue(String user, List<String> groups, Duration ttl) {
        if (!enabled) {
            throw new IllegalStateException("the development token issuer is disabled");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "ttlSeconds must be between 1 and " + MAX_TTL.toSeconds() + ".");
        }
        if (!KNOWN_GROUPS.containsAll(groups)) {
            throw new Refusal(ErrorCode.INVALID_FIELD, "groups may only contain user and admin.");
        }
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        LOG.info(() -> "event=dev_token_issued user=" + user + " groups=" + groups);
        return new IssuedToken(minter.mint(user, groups, now, expiresAt), expiresAt);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
