package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.function.Supplier;

/** Strict UTF-8 decoding that costs no more than the JDK's lenient decoding when the bytes are valid. */
final class Utf8 {

    private Utf8() {
    }

    static String decode(byte[] bytes, int offset, int length, Supplier<? extends RuntimeException> invalid) {
        String text = new String(bytes, offset, length, UTF_8);
        // The lenient decoder is the fast one and marks every malformed sequence with U+FFFD; only a text holding
        // that character needs the strict second look, because a genuine U+FFFD is legal input.
        if (text.indexOf('\uFFFD') >= 0 && !valid(bytes, offset, length)) {
            throw invalid.get();
        }
        return text;
    }

    private static boolean valid(byte[] bytes, int offset, int length) {
        try {
            UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }
}
