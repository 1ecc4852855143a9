package dev.smtpdane.dane;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * TLSA matching type field (RFC 6698 §2.1.3), named as in RFC 7218 §2.3. Declared from weakest
 * to strongest digest, which is the order RFC 7671 §9 digest agility uses.
 */
public enum MatchingType {
  /** The selected content itself. */
  FULL(0, "Full", 0, null),
  SHA2_256(1, "SHA2-256", 32, "SHA-256"),
  SHA2_512(2, "SHA2-512", 64, "SHA-512");

  private final int value;
  private final String mnemonic;
  private final int digestLength;
  private final String digestAlgorithm;

  MatchingType(int value, String mnemonic, int digestLength, String digestAlgorithm) {
    this.value = value;
    this.mnemonic = mnemonic;
    this.digestLength = digestLength;
    this.digestAlgorithm = digestAlgorithm;
  }

  public int value() {
    return value;
  }

  /** The RFC 7218 acronym, e.g. {@code SHA2-256}. */
  public String mnemonic() {
    return mnemonic;
  }

  /** Length in bytes of the association data for a digest type; 0 for {@link #FULL}. */
  public int digestLength() {
    return digestLength;
  }

  /** The association data for this matching type: the content itself, or its digest. */
  public byte[] apply(byte[] content) {
    if (digestAlgorithm == null) {
      return content.clone();
    }
    try {
      return MessageDigest.getInstance(digestAlgorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 and SHA-512 (MessageDigest javadoc).
      throw new IllegalStateException(digestAlgorithm + " missing from this JDK", e);
    }
  }

  /** The matching type with this wire value, or empty if unknown. */
  public static Optional<MatchingType> of(int value) {
    for (MatchingType m : values()) {
      if (m.value == value) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
