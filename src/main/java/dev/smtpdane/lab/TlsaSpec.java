package dev.smtpdane.lab;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * One TLSA record to publish, described by what it points at. The data is computed here, from
 * the generated certificates, with plain JDK digests: the lab never asks the tool's own code
 * what a record should contain.
 *
 * @param usage certificate usage (0-3, or anything for a malformed record)
 * @param selector 0 (Cert), 1 (SPKI), or an unknown value (then the SPKI is used for the data)
 * @param matchingType 0 (Full), 1 (SHA2-256), 2 (SHA2-512), or an unknown value (SHA2-256 data)
 * @param subject which certificate the record describes
 * @param defect how the data is spoiled, if at all
 */
record TlsaSpec(int usage, int selector, int matchingType, Subject subject, Defect defect) {
  /** The certificate a record points at, relative to the server's chain. */
  enum Subject {
    /** The server's leaf certificate. */
    LEAF,
    /** The intermediate CA that issued the leaf. */
    INTERMEDIATE,
    /** The lab root CA. */
    ROOT,
    /** A leaf with the next key, not yet deployed (the second half of a rollover pair). */
    NEXT_LEAF
  }

  /** How the data is spoiled. */
  enum Defect {
    NONE,
    /** The last byte is flipped: a digest of something else. */
    WRONG,
    /** The last byte is cut off: 31 bytes of SHA2-256. */
    TRUNCATED
  }

  /** A DANE-EE record {@code 3 selector matchingType} for the leaf. */
  static TlsaSpec ee(int selector, int matchingType) {
    return new TlsaSpec(3, selector, matchingType, Subject.LEAF, Defect.NONE);
  }

  /** A DANE-TA record {@code 2 selector matchingType} for a CA certificate. */
  static TlsaSpec ta(int selector, int matchingType, Subject subject) {
    return new TlsaSpec(2, selector, matchingType, subject, Defect.NONE);
  }

  /** Any record, e.g. PKIX-EE {@code 1 1 1} or an unknown matching type. */
  static TlsaSpec tlsa(int usage, int selector, int matchingType, Subject subject) {
    return new TlsaSpec(usage, selector, matchingType, subject, Defect.NONE);
  }

  TlsaSpec wrong() {
    return new TlsaSpec(usage, selector, matchingType, subject, Defect.WRONG);
  }

  TlsaSpec truncated() {
    return new TlsaSpec(usage, selector, matchingType, subject, Defect.TRUNCATED);
  }

  /** The record's certificate association data for {@code certificate}. */
  byte[] data(X509Certificate certificate) {
    try {
      // RFC 6698 §2.1.2: selector 0 is the whole DER certificate, 1 the SubjectPublicKeyInfo.
      byte[] content = selector == 0 ? certificate.getEncoded()
          : certificate.getPublicKey().getEncoded();
      // RFC 6698 §2.1.3: 0 exact match, 1 SHA-256, 2 SHA-512.
      byte[] data = switch (matchingType) {
        case 0 -> content;
        case 2 -> MessageDigest.getInstance("SHA-512").digest(content);
        default -> MessageDigest.getInstance("SHA-256").digest(content);
      };
      return switch (defect) {
        case NONE -> data;
        case WRONG -> {
          byte[] copy = data.clone();
          copy[copy.length - 1] ^= 0x5a;
          yield copy;
        }
        case TRUNCATED -> Arrays.copyOf(data, data.length - 1);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute TLSA data", e);
    }
  }
}
