package dev.smtpdane.lab;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The certificates made for one server: the leaf (with its key), the CA certificate that by
 * name issued it, the lab root, what the server sends, the key it signs its handshakes with
 * (the leaf's, unless the chain is {@code KEY_NOT_HELD}), and, made only when a record asks for
 * it, a certificate with the key the server will use next (the other half of a rollover pair).
 */
final class IssuedChain {
  private final HeldCertificate leaf;
  private final HeldCertificate intermediate;
  private final HeldCertificate root;
  private final List<X509Certificate> sent;
  private final PrivateKey signingKey;
  private final Supplier<HeldCertificate> makeNext;
  private HeldCertificate next;

  IssuedChain(HeldCertificate leaf, HeldCertificate intermediate, HeldCertificate root,
      List<X509Certificate> sent, PrivateKey signingKey, Supplier<HeldCertificate> makeNext) {
    this.leaf = leaf;
    this.intermediate = intermediate;
    this.root = root;
    this.sent = List.copyOf(sent);
    this.signingKey = signingKey;
    this.makeNext = makeNext;
  }

  HeldCertificate leaf() {
    return leaf;
  }

  /** What the server sends, leaf first. */
  List<X509Certificate> sent() {
    return sent;
  }

  /** The key the server signs its handshakes with. */
  PrivateKey signingKey() {
    return signingKey;
  }

  synchronized HeldCertificate nextLeaf() {
    if (next == null) {
      next = makeNext.get();
    }
    return next;
  }

  X509Certificate certificate(TlsaSpec.Subject subject) {
    return switch (subject) {
      case LEAF -> leaf.certificate();
      case INTERMEDIATE -> intermediate.certificate();
      case ROOT -> root.certificate();
      case NEXT_LEAF -> nextLeaf().certificate();
    };
  }
}
