package dev.portcullis.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PBKDF2 with HMAC-SHA256 (RFC 8018), one block of 32 bytes: the key Django's {@code pbkdf2_sha256} stores. The
 * HMAC key is the password, the same at every iteration, so its two padded key blocks are hashed once and the
 * digest's state after each is copied, as RFC 2104 (section 4) suggests: an iteration then costs two SHA-256
 * compressions instead of the four of a fresh HMAC, which is what the JDK's {@code PBKDF2WithHmacSHA256} computes.
 * Same keys, in about three quarters of the time with C2 and a little over half with C1 only (the ConfigMap's JIT
 * setting, where SHA-256 runs as compiled Java, not as the processor's instructions: {@code PasswordCheckBenchmark});
 * {@code PasswordHasherTest} holds it to Python's {@code hashlib}, which Django uses, and to the JDK's.
 */
final class Pbkdf2Sha256 {

    private static final int BLOCK = 64;
    static final int KEY_BYTES = 32;

    private Pbkdf2Sha256() {
    }

    /** The derived key; {@code iterations} at least 1. */
    static byte[] derive(byte[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
        }
        MessageDigest inner = sha256();
        MessageDigest outer = sha256();
        byte[] key = password.length > BLOCK ? sha256().digest(password) : password;
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte keyByte = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (keyByte ^ 0x36);
            outerPad[i] = (byte) (keyByte ^ 0x5c);
        }
        inner.update(innerPad);
        outer.update(outerPad);

        byte[] u = new byte[KEY_BYTES]; // RFC 8018's U_n: the HMAC of the iteration before
        MessageDigest step = copy(inner);
        step.update(salt);
        step.update(new byte[]{0, 0, 0, 1}); // the block's index: the key is the first and only block
        finish(step, outer, u);
        byte[] derived = u.clone();
        for (int n = 1; n < iterations; n++) {
            step = copy(inner);
            step.update(u);
            finish(step, outer, u);
            for (int i = 0; i < KEY_BYTES; i++) {
                derived[i] ^= u[i];
            }
        }
        return derived;
    }

    /** HMAC's outer hash of the inner one: writes {@code H(outerPad || innerDigest)} into {@code u}. */
    private static void finish(MessageDigest innerStep, MessageDigest outer, byte[] u) {
        try {
            innerStep.digest(u, 0, KEY_BYTES);
            MessageDigest outerStep = copy(outer);
            outerStep.update(u);
            outerStep.digest(u, 0, KEY_BYTES);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
