package org.jnova.utils;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * CPython 3.11's {@code binascii.a2b_base64} (what {@code base64.b64decode} and
 * {@code base64.decodebytes} run without {@code validate}): characters outside the base64
 * alphabet are skipped, a complete pad ends the data, and a last group of one character or
 * an incomplete pad is an error. The output is never longer than three quarters of the input.
 */
public final class PythonBase64 {
    private static final byte[] TABLE = new byte[128];

    static {
        java.util.Arrays.fill(TABLE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            TABLE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private PythonBase64() {
    }

    /** The decoded bytes, or empty where Python raises binascii.Error. */
    public static Optional<byte[]> decode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 * 3 + 3);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        for (byte b : data) {
            int c = b & 0xff;
            if (c == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return Optional.of(out.toByteArray());
                }
                continue;
            }
            int v = c < 128 ? TABLE[c] : -1;
            if (v < 0) {
                continue;
            }
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | v);
                    leftChar = 0;
                }
            }
        }
        return quadPos == 0 ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /** {@code base64.b64decode(text)} of a str: ASCII only (else ValueError), then as above. */
    public static Optional<byte[]> decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return Optional.empty();
            }
        }
        return decode(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
