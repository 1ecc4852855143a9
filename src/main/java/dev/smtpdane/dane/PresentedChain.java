package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates a server presented, as one verification sees them: at most {@link
 * #MAX_CERTIFICATES}, their selectable content, the signatures between them (each checked at
 * most once), and the issuer path from the leaf upwards.
 *
 * <p>Confined to one {@link DaneVerifier#verify} call; its caches never leave it.
 */
final class PresentedChain {
  /**
   * Certificates examined, counting from the leaf. Real chains have 2 to 4; the cap bounds the
   * work a hostile server can cause (signature checks grow with the square of the count).
   */
  static final int MAX_CERTIFICATES = 16;

  private final List<X509Certificate> certs;
  private final List<SelectedContent> contents;
  private final int presentedCount;
  private final Map<Integer, SignatureStatus> signatures = new HashMap<>();
  private final List<Integer> issuerPath;

  PresentedChain(List<X509Certificate> presented) {
    presentedCount = presented.size();
    certs = List.copyOf(presented.subList(0, Math.min(presentedCount, MAX_CERTIFICATES)));
    contents = certs.stream().map(SelectedContent::of).toList();
    issuerPath = walkIssuers();
  }

  int size() {
    return certs.size();
  }

  int presentedCount() {
    return presentedCount;
  }

  X509Certificate cert(int position) {
    return certs.get(position);
  }

  SelectedContent content(int position) {
    return contents.get(position);
  }

  /**
   * Chain positions from the leaf (position 0) up through each certificate's issuer among the
   * presented ones. Certificates the server sent that are not on it take no part in DANE-TA
   * (dane-rules.md §5: extra certificates are ignored).
   */
  List<Integer> issuerPath() {
    return issuerPath;
  }

  /** Whether the certificate at {@code issuer} signed the one at {@code position}. */
  SignatureStatus signedBy(int position, int issuer) {
    return signatures.computeIfAbsent(
        position * MAX_CERTIFICATES + issuer,
        k -> SignatureCheck.check(certs.get(position), certs.get(issuer).getPublicKey()));
  }

  /** The first position at or after {@code from} whose certificate matches {@code record}. */
  int firstMatch(TlsaRecord record, int from) {
    for (int p = from; p < contents.size(); p++) {
      if (contents.get(p).matches(record)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Walks from the leaf to each certificate's issuer: the first unused presented certificate
   * whose subject is the issuer name and whose key verifies the signature, or failing that the
   * first with the right name (so a broken signature is reported where it is). Stops at a
   * self-issued certificate or when no presented certificate has the issuer's name. Presented
   * order does not matter (RFC 8446 §4.4.2 lets servers send chains out of order).
   */
  private List<Integer> walkIssuers() {
    List<Integer> path = new ArrayList<>();
    if (certs.isEmpty()) {
      return path;
    }
    int current = 0;
    path.add(current);
    while (!selfIssued(certs.get(current))) {
      int next = nextIssuer(current, path);
      if (next < 0) {
        break;
      }
      path.add(next);
      current = next;
    }
    return List.copyOf(path);
  }

  private int nextIssuer(int position, List<Integer> used) {
    int byNameOnly = -1;
    for (int p = 0; p < certs.size(); p++) {
      if (used.contains(p)
          || !certs.get(p).getSubjectX500Principal()
              .equals(certs.get(position).getIssuerX500Principal())) {
        continue;
      }
      if (signedBy(position, p) != SignatureStatus.BROKEN) {
        return p;
      }
      if (byNameOnly < 0) {
        byNameOnly = p;
      }
    }
    return byNameOnly;
  }

  static boolean selfIssued(X509Certificate cert) {
    return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
  }
}
