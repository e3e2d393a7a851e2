package io.switchboard.identity.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The development issuer's RSA key pair as two PEM files. The public one is what MicroProfile JWT verifies with
 * ({@code mp.jwt.verify.publickey.location}), so it is written atomically: a verifier never reads half a key.
 */
public final class SigningKeys {

    static final String PRIVATE_FILE = "dev-jwt-signing.key.pem";
    static final String PUBLIC_FILE = "dev-jwt-signing.pub.pem";

    private SigningKeys() {
    }

    public static KeyPair loadOrCreate(Path directory) {
        try {
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Path publicFile = directory.resolve(PUBLIC_FILE);
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new KeyPair(publicKey(Files.readString(publicFile)), privateKey(Files.readString(privateFile)));
            }
            Files.createDirectories(directory);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path publicKeyFile(Path directory) {
        return directory.resolve(PUBLIC_FILE);
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
