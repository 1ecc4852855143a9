package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates a server presented, as one verification sees them: at most {@link
 * #MAX_CERTIFICATES}, their selectable content, the signatures between them (each checked at
 * most once), and the issuer paths from the leaf upwards.
 *
 * <p>Not thread-safe: made by one {@link DaneVerifier#verify} call, and afterwards used only
 * through its {@link DaneResult}'s synchronized {@code suggestions()}.
 */
final class PresentedChain {
  /**
   * Certificates examined, counting from the leaf. Real chains have 2 to 4; the cap bounds the
   * work a hostile server can cause (signature checks grow with the square of the count).
   */
  static final int MAX_CERTIFICATES = 16;

  /** Issuer paths followed; real chains have one, two with a cross-signed CA sent twice. */
  static final int MAX_PATHS = 8;

  private final List<X509Certificate> certs;
  private final List<SelectedContent> contents;
  private final int presentedCount;
  private final Map<Integer, SignatureStatus> signatures = new HashMap<>();
  private final List<List<Integer>> issuerPaths;

  PresentedChain(List<X509Certificate> presented) {
    presentedCount = presented.size();
    certs = List.copyOf(presented.subList(0, Math.min(presentedCount, MAX_CERTIFICATES)));
    contents = certs.stream().map(SelectedContent::of).toList();
    issuerPaths = walkIssuers();
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
   * The issuer paths: chain positions from the leaf (position 0) up through each certificate's
   * issuer among the presented ones, best first (strong signatures before weak ones before
   * broken ones). Usually one; more when the server sends two issuers with the same name, such
   * as a cross-signed and a self-signed copy of a CA. Certificates the server sent that are on
   * no path take no part in DANE-TA (dane-rules.md §5: extra certificates are ignored).
   */
  List<List<Integer>> issuerPaths() {
    return issuerPaths;
  }

  /** True if the position is on some issuer path. */
  boolean onIssuerPath(int position) {
    return issuerPaths.stream().anyMatch(p -> p.contains(position));
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
   * Walks from the leaf to each certificate's issuers, depth first: a candidate issuer is an
   * unused presented certificate whose subject is the issuer name. Those whose key verifies
   * the signature come first (strong before MD5/SHA-1); only if none does are the others
   * followed, so that a broken signature is reported where it is. Presented order does not
   * matter (RFC 8446 §4.4.2 lets servers send chains out of order). At most {@link #MAX_PATHS}
   * paths, each at most {@link #MAX_CERTIFICATES} long, bound the work.
   */
  private List<List<Integer>> walkIssuers() {
    List<List<Integer>> paths = new ArrayList<>();
    if (!certs.isEmpty()) {
      extend(new ArrayList<>(List.of(0)), paths);
    }
    return List.copyOf(paths);
  }

  private void extend(List<Integer> path, List<List<Integer>> paths) {
    if (paths.size() >= MAX_PATHS) {
      return;
    }
    int current = path.get(path.size() - 1);
    List<Integer> issuers =
        selfIssued(certs.get(current)) ? List.of() : issuerCandidates(current, path);
    if (issuers.isEmpty()) {
      paths.add(List.copyOf(path));
      return;
    }
    for (int next : issuers) {
      path.add(next);
      extend(path, paths);
      path.remove(path.size() - 1);
    }
  }

  private List<Integer> issuerCandidates(int position, List<Integer> used) {
    List<Integer> named = new ArrayList<>();
    for (int p = 0; p < certs.size(); p++) {
      if (!used.contains(p) && certs.get(p).getSubjectX500Principal()
          .equals(certs.get(position).getIssuerX500Principal())) {
        named.add(p);
      }
    }
    if (named.size() < 2) {
      // A lone candidate is the path whatever its signature says, so the signature is checked
      // only when a DANE-TA record or a 2 1 1 suggestion needs it (a DANE-EE pass never does).
      return named;
    }
    List<Integer> valid = new ArrayList<>();
    List<Integer> weak = new ArrayList<>();
    List<Integer> broken = new ArrayList<>();
    for (int p : named) {
      switch (signedBy(position, p)) {
        case VALID -> valid.add(p);
        case WEAK -> weak.add(p);
        case BROKEN -> broken.add(p);
      }
    }
    valid.addAll(weak);
    return valid.isEmpty() ? broken : valid;
  }

  static boolean selfIssued(X509Certificate cert) {
    return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
  }
}
