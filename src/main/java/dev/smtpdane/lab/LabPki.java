package dev.smtpdane.lab;

import dev.smtpdane.lab.ChainSpec.Twist;
import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The lab's certificate authority, made fresh at every start: a root CA, one intermediate CA
 * shared by the well-made chains (as a public CA shares its intermediates), and, per server, a
 * leaf plus whatever a {@link ChainSpec} twists. Good certificates are valid for a year, so
 * that no "expires soon" warning spoils a scenario.
 */
final class LabPki {
  static final String ROOT_NAME = "O=smtpdane lab,CN=smtpdane lab root CA";
  static final String INTERMEDIATE_NAME = "O=smtpdane lab,CN=smtpdane lab issuing CA 1";
  private static final Duration DAY = Duration.ofDays(1);
  private static final String SUBJECT_ALT_NAME = "2.5.29.17"; // RFC 5280 §4.2.1.6

  private final Instant now;
  private final HeldCertificate root;
  private final HeldCertificate intermediate;

  private LabPki(Instant now, HeldCertificate root, HeldCertificate intermediate) {
    this.now = now;
    this.root = root;
    this.intermediate = intermediate;
  }

  static LabPki create(Instant now) {
    HeldCertificate root = HeldCertificate.builder().subject(ROOT_NAME).ca()
        .validity(now.minus(DAY), now.plus(DAY.multipliedBy(3650))).build();
    HeldCertificate intermediate = HeldCertificate.builder().subject(INTERMEDIATE_NAME).ca(0)
        .validity(now.minus(DAY), now.plus(DAY.multipliedBy(1825))).signedBy(root).build();
    return new LabPki(now, root, intermediate);
  }

  HeldCertificate root() {
    return root;
  }

  /** Makes the certificates for one server of {@code host} (a name without trailing dot). */
  IssuedChain issue(ChainSpec spec, String host) {
    List<String> names = spec.names().isEmpty() ? List.of(host) : spec.names();
    HeldCertificate top = spec.has(Twist.ROOT_EXPIRED) ? expiredRoot() : root;
    HeldCertificate ca = spec.has(Twist.ROOT_EXPIRED)
        ? HeldCertificate.builder().subject("O=smtpdane lab,CN=smtpdane lab issuing CA 2")
            .ca(0).signedBy(top).validity(now.minus(DAY), now.plus(DAY.multipliedBy(365)))
            .build()
        : issuerFor(spec);
    // The key that really signs the leaf: an impostor CA with the same name, for a chain whose
    // signature does not verify although every name lines up.
    HeldCertificate signer = spec.has(Twist.SIGNED_BY_OTHER_KEY)
        ? HeldCertificate.builder().subject(INTERMEDIATE_NAME).ca(0).signedBy(root)
            .validity(now.minus(DAY), now.plus(DAY.multipliedBy(1825))).build()
        : ca;
    HeldCertificate leaf = leaf(spec, names, spec.has(Twist.SELF_SIGNED) ? null : signer);
    List<X509Certificate> sent = new ArrayList<>();
    sent.add(leaf.certificate());
    if (!spec.has(Twist.LEAF_ONLY) && !spec.has(Twist.SELF_SIGNED)) {
      sent.add(ca.certificate());
      if (spec.has(Twist.SEND_ROOT)) {
        sent.add(top.certificate());
      }
    }
    PrivateKey signingKey = spec.has(Twist.KEY_NOT_HELD)
        ? anotherKeyLike(leaf.keyPair().getPublic()) : leaf.keyPair().getPrivate();
    return new IssuedChain(leaf, ca, top, sent, signingKey,
        () -> leaf(ChainSpec.chain(), names, ca));
  }

  /**
   * A fresh private key of the same algorithm and size or curve as {@code key}: JSSE signs the
   * handshake with it, and a client's check of that signature must fail.
   */
  private static PrivateKey anotherKeyLike(PublicKey key) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(key.getAlgorithm());
      switch (key) {
        case ECKey ec -> g.initialize(ec.getParams());
        case RSAKey rsa -> g.initialize(rsa.getModulus().bitLength());
        default -> { } // Ed25519 and the like: one size
      }
      return g.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make another " + key.getAlgorithm() + " key", e);
    }
  }

  /** A root CA of its own that expired yesterday, after ten years. */
  private HeldCertificate expiredRoot() {
    return HeldCertificate.builder().subject("O=smtpdane lab,CN=smtpdane lab expired root CA")
        .ca().validity(now.minus(DAY.multipliedBy(3650)), now.minus(DAY)).build();
  }

  private HeldCertificate issuerFor(ChainSpec spec) {
    if (spec.has(Twist.INTERMEDIATE_EXPIRED)) {
      return HeldCertificate.builder().subject("O=smtpdane lab,CN=smtpdane lab expired CA")
          .ca(0).signedBy(root).validity(now.minus(DAY.multipliedBy(800)), now.minus(DAY))
          .build();
    }
    if (spec.has(Twist.INTERMEDIATE_NOT_CA)) {
      // Built like a leaf (basicConstraints cA=false), then used to sign one.
      return HeldCertificate.builder().subject("O=smtpdane lab,CN=smtpdane lab not-a-CA")
          .signedBy(root).validity(now.minus(DAY), now.plus(DAY.multipliedBy(365))).build();
    }
    if (spec.has(Twist.INTERMEDIATE_CLIENT_AUTH_ONLY)) {
      return HeldCertificate.builder().subject("O=smtpdane lab,CN=smtpdane lab client CA")
          .ca(0).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).signedBy(root)
          .validity(now.minus(DAY), now.plus(DAY.multipliedBy(365))).build();
    }
    return intermediate;
  }

  private HeldCertificate leaf(ChainSpec spec, List<String> names, HeldCertificate issuer) {
    CertificateBuilder b = HeldCertificate.builder().commonName(names.get(0));
    if (spec.has(Twist.SAN_URI_BESIDE_OTHER_DNS_ID)) {
      b.extension(SUBJECT_ALT_NAME, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.uniformResourceIdentifier, names.get(0)),
          new GeneralName(GeneralName.dNSName, "www.elsewhere.example")}));
    } else if (!spec.has(Twist.NO_SAN)) {
      b.dnsNames(names.toArray(String[]::new));
    }
    if (spec.has(Twist.RSA_LEAF)) {
      b.keyType(KeyType.RSA_2048);
    }
    if (spec.has(Twist.LEAF_CLIENT_AUTH_ONLY)) {
      b.extendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
    }
    if (spec.has(Twist.LEAF_EXPIRED)) {
      b.validity(now.minus(DAY.multipliedBy(400)), now.minus(DAY));
    } else if (spec.has(Twist.LEAF_NOT_YET_VALID)) {
      b.validity(now.plus(DAY), now.plus(DAY.multipliedBy(400)));
    } else {
      b.validity(now.minus(DAY), now.plus(DAY.multipliedBy(365)));
    }
    if (issuer != null) {
      b.signedBy(issuer);
    }
    return b.build();
  }
}
