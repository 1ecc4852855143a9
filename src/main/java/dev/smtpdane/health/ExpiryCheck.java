package dev.smtpdane.health;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expiry findings for the certificates on the authenticated path (issue 7, {@code
 * -expiration-warning}): expired, or expiring within the warning window. Each certificate is
 * reported once, at its first chain position, however many paths (matched records) contain it.
 *
 * <p>Severity follows how the session was authenticated. DANE-TA: the whole path must be within
 * its validity period (RFC 5280 §6.1.3), so an expired certificate is an error (the DANE
 * verdict fails on it too). DANE-EE: the leaf's dates MUST be ignored (RFC 7672 §3.1.1, RFC 7671
 * §5.1; validity comes from the TLSA RRSIG), so an expired leaf is only a warning, telling that
 * senders without DANE still care. Expiring soon is a warning either way.
 */
public final class ExpiryCheck {
  private ExpiryCheck() {}

  /**
   * Checks one path, leaf first.
   *
   * @param certsOnPath the authenticated path: for DANE-TA the leaf up to the trust anchor, for
   *     DANE-EE the leaf alone (any other certificate given is judged as off the path: warnings)
   * @param daneEeOnly whether the session was authenticated by DANE-EE records only
   * @param now the time to judge against
   * @param window the {@code -expiration-warning} window; zero or negative disables every expiry
   *     finding
   */
  public static List<Finding> check(List<X509Certificate> certsOnPath, boolean daneEeOnly,
      Instant now, Duration window) {
    return checkPaths(List.of(certsOnPath), daneEeOnly, now, window);
  }

  /**
   * Checks several paths (e.g. one per matching DANE-TA record), reporting each certificate
   * once, at its position in the first path that contains it.
   */
  public static List<Finding> checkPaths(Collection<List<X509Certificate>> paths,
      boolean daneEeOnly, Instant now, Duration window) {
    List<List<OnPath>> positioned = new ArrayList<>();
    for (List<X509Certificate> path : paths) {
      List<OnPath> p = new ArrayList<>();
      for (int i = 0; i < path.size(); i++) {
        p.add(new OnPath(i, path.get(i)));
      }
      positioned.add(p);
    }
    return checkPositioned(positioned, daneEeOnly, now, window);
  }

  /** A certificate on an authenticated path, with its position in the chain as sent. */
  public record OnPath(int chainPosition, X509Certificate certificate) {}

  /**
   * As {@link #checkPaths}, naming each certificate by its position in the chain the server
   * sent (which differs from its place on the path when the chain is out of order).
   */
  public static List<Finding> checkPositioned(Collection<List<OnPath>> paths,
      boolean daneEeOnly, Instant now, Duration window) {
    if (window.isZero() || window.isNegative()) {
      return List.of(); // -expiration-warning 0: no expiry findings at all
    }
    Map<X509Certificate, Integer> positions = new LinkedHashMap<>();
    for (List<OnPath> path : paths) {
      for (OnPath c : path) {
        // equals() compares the DER encoding
        positions.putIfAbsent(c.certificate(), c.chainPosition());
      }
    }
    List<Finding> findings = new ArrayList<>();
    positions.forEach((cert, position) ->
        judge(cert, position, daneEeOnly, now, window).ifPresent(findings::add));
    return List.copyOf(findings);
  }

  private static Optional<Finding> judge(X509Certificate cert, int position,
      boolean daneEeOnly, Instant now, Duration window) {
    Instant notAfter = cert.getNotAfter().toInstant();
    String what = describe(cert, position);
    if (notAfter.isBefore(now)) {
      if (daneEeOnly && position == 0) {
        // RFC 7672 §3.1.1: DANE-EE ignores the leaf's dates; others do not.
        return Optional.of(Finding.warning(FindingCode.EE_LEAF_EXPIRED, what + " expired on "
            + notAfter + ": DANE senders ignore this under DANE-EE (RFC 7672 §3.1.1), but"
            + " senders that do not use DANE may refuse or fail TLS; renew it"));
      }
      if (daneEeOnly) {
        return Optional.of(Finding.warning(FindingCode.CERT_EXPIRED, what + " expired on "
            + notAfter + "; it is not on the DANE-EE authenticated path, but other senders"
            + " may check it: renew it or stop sending it"));
      }
      // RFC 5280 §6.1.3: every certificate from the leaf to the trust anchor must be valid.
      return Optional.of(Finding.error(FindingCode.CERT_EXPIRED, what + " expired on "
          + notAfter + ": DANE-TA authentication fails on it; renew it"));
    }
    if (!notAfter.isAfter(now.plus(window))) {
      return Optional.of(Finding.warning(FindingCode.CERT_EXPIRING, what + " expires on "
          + notAfter + ", in " + remaining(now, notAfter) + " (warning window "
          + hours(window) + "): renew it"
          + (daneEeOnly ? "" : ", and check that the TLSA records still match the new one")));
    }
    return Optional.empty();
  }

  /**
   * The earliest notAfter among {@code certs} (for Nagios perfdata: days until the first
   * certificate on the path expires); empty for no certificates.
   */
  public static Optional<Instant> earliestExpiry(Collection<X509Certificate> certs) {
    return certs.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo);
  }

  /** Whole days from {@code now} to {@code expiry}, rounded down; negative once expired. */
  public static long daysUntil(Instant expiry, Instant now) {
    return Math.floorDiv(Duration.between(now, expiry).toSeconds(), 86_400L);
  }

  private static String describe(X509Certificate cert, int position) {
    String subject = cert.getSubjectX500Principal().getName();
    return position == 0 ? "the leaf certificate (" + subject + ")"
        : "the certificate at chain position " + position + " (" + subject + ")";
  }

  private static String remaining(Instant now, Instant notAfter) {
    Duration left = Duration.between(now, notAfter);
    long days = left.toDays();
    return days >= 1 ? days + (days == 1 ? " day" : " days")
        : left.toHours() + (left.toHours() == 1 ? " hour" : " hours");
  }

  private static String hours(Duration window) {
    return window.toSeconds() % 3600 == 0 ? window.toHours() + "h" : window.toString();
  }
}
