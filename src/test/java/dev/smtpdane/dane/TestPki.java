package dev.smtpdane.dane;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Certificates for dane tests, with dates fixed around {@link #NOW} (style.md §17). */
final class TestPki {
  /** The injected "now" of every dane test; certificates are valid around it. */
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static final Instant FROM = NOW.minus(Duration.ofDays(30));
  static final Instant UNTIL = NOW.plus(Duration.ofDays(60));
  static final Instant PAST_FROM = NOW.minus(Duration.ofDays(400));
  static final Instant PAST_UNTIL = NOW.minus(Duration.ofDays(1));
  static final Instant FUTURE_FROM = NOW.plus(Duration.ofDays(1));
  static final Instant FUTURE_UNTIL = NOW.plus(Duration.ofDays(400));

  static final String MX = "mx.example.test";

  private static final Map<KeyType, Chain> CHAINS = new ConcurrentHashMap<>();

  private TestPki() {}

  /** Root → intermediate → leaf for {@link #MX}, all valid at NOW, one per key type. */
  record Chain(HeldCertificate root, HeldCertificate inter, HeldCertificate leaf) {
    /** What a well-configured server sends: leaf and intermediate. */
    List<X509Certificate> sent() {
      return List.of(leaf.certificate(), inter.certificate());
    }

    /** Leaf, intermediate and root. */
    List<X509Certificate> sentWithRoot() {
      return List.of(leaf.certificate(), inter.certificate(), root.certificate());
    }
  }

  static Chain chain(KeyType type) {
    return CHAINS.computeIfAbsent(type, TestPki::newChain);
  }

  private static Chain newChain(KeyType type) {
    HeldCertificate root = ca("Test Root " + type).keyType(type).build();
    HeldCertificate inter = ca("Test Intermediate " + type).keyType(type).signedBy(root).build();
    HeldCertificate leaf = leaf(MX).keyType(type).signedBy(inter).build();
    return new Chain(root, inter, leaf);
  }

  /** A CA certificate builder valid around NOW. */
  static CertificateBuilder ca(String cn) {
    return HeldCertificate.builder().commonName(cn).ca().validity(FROM, UNTIL);
  }

  /** A server certificate builder with DNS-ID {@code name}, valid around NOW. */
  static CertificateBuilder leaf(String name) {
    return HeldCertificate.builder().commonName(name).dnsNames(name).validity(FROM, UNTIL);
  }

  /** A TLSA record of {@code usage selector type} for {@code cert}. */
  /**
   * A certificate with {@code of}'s subject and key pair (so whatever {@code of} signed, it
   * signed too), valid FROM to UNTIL unless {@code tweak} says otherwise.
   */
  static X509Certificate remake(HeldCertificate of, UnaryOperator<CertificateBuilder> tweak) {
    CertificateBuilder b = HeldCertificate.builder()
        .subject(of.certificate().getSubjectX500Principal().getName())
        .keyPair(of.keyPair()).validity(FROM, UNTIL);
    return tweak.apply(b).build().certificate();
  }

  static TlsaRecord tlsa(int usage, Selector selector, MatchingType type, X509Certificate cert) {
    byte[] content =
        selector == Selector.CERT ? encoded(cert) : cert.getPublicKey().getEncoded();
    return new TlsaRecord(usage, selector.value(), type.value(), type.apply(content));
  }

  /** {@code 3 1 1} for the certificate's key. */
  static TlsaRecord ee311(X509Certificate cert) {
    return tlsa(3, Selector.SPKI, MatchingType.SHA2_256, cert);
  }

  /** {@code 2 1 1} for the certificate's key. */
  static TlsaRecord ta211(X509Certificate cert) {
    return tlsa(2, Selector.SPKI, MatchingType.SHA2_256, cert);
  }

  /** A record with the given fields and data that matches nothing. */
  static TlsaRecord wrong(int usage, int selector, int type) {
    int length = type == 1 ? 32 : 64;
    byte[] data = new byte[length];
    data[0] = 0x42;
    return new TlsaRecord(usage, selector, type, data);
  }

  static String sha256Hex(byte[] data) throws Exception {
    return HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
