package dev.shirase.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short stable names for text: the state table's ids, the translations' cache keys, versions of data and prompts. */
public final class Hashes {
    private Hashes() {
    }

    /** The text's whole SHA-256 (of its UTF-8), in hex. */
    public static String sha256(String text) {
        return sha256(text, 32);
    }

    /** The first {@code bytes} of the text's SHA-256 (of its UTF-8), in hex. */
    public static String sha256(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
