package dev.smtpdane.health;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The TLSA matching-type digests (RFC 6698 §2.1.3): SHA-256 (1) and SHA-512 (2). */
final class Digest {
  private Digest() {}

  static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  static byte[] sha512(byte[] data) {
    return digest("SHA-512", data);
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
