package dev.smtpdane.health;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The DER SubjectPublicKeyInfo exactly as it appears in a certificate (RFC 5280 §4.1), which is
 * what TLSA selector 1 digests (RFC 6698 §2.1.2). {@code getPublicKey().getEncoded()} re-encodes
 * the key and may differ from the certificate's bytes (e.g. RSA parameters absent versus NULL),
 * so the bytes are cut out of the certificate instead.
 */
final class SubjectPublicKeyInfo {
  private static final int SEQUENCE = 0x30;
  private static final int VERSION_TAG = 0xa0; // [0] EXPLICIT Version

  private SubjectPublicKeyInfo() {}

  /** The certificate's SPKI bytes; the re-encoded key if the DER cannot be walked. */
  static byte[] of(X509Certificate cert) {
    try {
      return cut(cert.getEncoded());
    } catch (CertificateEncodingException | IllegalArgumentException e) {
      return cert.getPublicKey().getEncoded();
    }
  }

  /** Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serial, ... spki } }. */
  static byte[] cut(byte[] der) {
    int tbs = contentStart(der, expect(der, 0, SEQUENCE));
    int at = contentStart(der, expect(der, tbs, SEQUENCE));
    if (lengthByte(der, at) == VERSION_TAG) {
      at = end(der, at);
    }
    for (int skip = 0; skip < 5; skip++) { // serial, signature, issuer, validity, subject
      at = end(der, at);
    }
    return Arrays.copyOfRange(der, expect(der, at, SEQUENCE), end(der, at));
  }

  private static int expect(byte[] der, int at, int tag) {
    if (at >= der.length || (der[at] & 0xff) != tag) {
      throw new IllegalArgumentException("unexpected DER at offset " + at);
    }
    return at;
  }

  /** Offset of the content of the element at {@code at}. */
  private static int contentStart(byte[] der, int at) {
    int first = lengthByte(der, at + 1);
    return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
  }

  /** Offset just after the element at {@code at}. */
  private static int end(byte[] der, int at) {
    int first = lengthByte(der, at + 1);
    long length = first;
    if (first >= 0x80) {
      int n = first & 0x7f;
      if (n == 0 || n > 4) {
        throw new IllegalArgumentException("unsupported DER length at offset " + at);
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | lengthByte(der, at + 2 + i);
      }
    }
    long end = contentStart(der, at) + length;
    if (end > der.length) {
      throw new IllegalArgumentException("DER element overruns the data at offset " + at);
    }
    return (int) end;
  }

  /** The byte at {@code at}, unsigned; truncated data is an IllegalArgumentException. */
  private static int lengthByte(byte[] der, int at) {
    if (at >= der.length) {
      throw new IllegalArgumentException("truncated DER at offset " + at);
    }
    return der[at] & 0xff;
  }
}
