package dev.smtpdane.dane;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The dNSName constraints a CA's nameConstraints extension puts on the DANE-TA leaf's names
 * (RFC 5280 §4.2.1.10, §6.1.3 (b) and (c)), judged as OpenSSL judges them, since Postfix and
 * Exim verify DANE-TA paths with OpenSSL ({@code check_name_constraints} in x509_vfy.c):
 *
 * <ul>
 *   <li>The names constrained are the leaf's DNS-ID subjectAltNames; only when it has none,
 *       those subject CNs that look like host names: letters, digits, {@code _}, inner {@code -}
 *       and {@code .}, at least two labels. A wildcard CN is not one (OpenSSL's cn2dnsid).
 *   <li>A name is within a subtree if zero or more labels added on the left of the base give
 *       it, ASCII case-insensitive; a base starting with {@code .} needs at least one label; an
 *       empty base holds every name. A wildcard name is compared as written.
 *   <li>If the CA permits any dNSName subtree, each name must be within one of them; no name
 *       may be within an excluded dNSName subtree.
 *   <li>A dNSName subtree with a minimum or maximum fails (RFC 5280: minimum MUST be zero,
 *       maximum MUST be absent; OpenSSL: X509_V_ERR_SUBTREE_MINMAX).
 * </ul>
 *
 * <p>Other name forms (directoryName, iPAddress, rfc822Name, URI) are not applied.
 */
final class DnsNameConstraints {
  static final String OID = "2.5.29.30";

  private DnsNameConstraints() {}

  /** The leaf names that dNSName constraints apply to (see the class comment). */
  static List<String> constrainedNames(X509Certificate leaf) {
    if (ServiceIdentity.unreadableSan(leaf)) {
      return List.of(); // it presents no names, so its name check fails anyway
    }
    List<String> dnsIds = ServiceIdentity.dnsIds(leaf);
    return !dnsIds.isEmpty() ? dnsIds
        : ServiceIdentity.commonNames(leaf).stream()
            .filter(DnsNameConstraints::hostNameLike).toList();
  }

  /**
   * The first of {@code names} that {@code ca}'s dNSName constraints exclude, if any. A
   * nameConstraints extension that cannot be read cannot be processed: RFC 5280 §4.2.1.10 has
   * it critical, §4.2 says to reject, and OpenSSL marks such a certificate invalid.
   */
  static Optional<RecordResult> violation(X509Certificate ca, int position, List<String> names) {
    byte[] extension = ca.getExtensionValue(OID);
    if (extension == null) {
      return Optional.empty();
    }
    Subtrees subtrees;
    try {
      subtrees = Subtrees.of(extension);
    } catch (RuntimeException e) { // a hostile extension is an outcome (style.md §10)
      return Optional.of(new RecordResult.UnhandledCriticalExtension(position, OID));
    }
    for (String name : names) {
      Optional<String> constraint = subtrees.violatedBy(name);
      if (constraint.isPresent()) {
        return Optional.of(
            new RecordResult.NameConstraintViolation(position, name, constraint.get()));
      }
    }
    return Optional.empty();
  }

  /** RFC 5280 §4.2.1.10: adding labels on the left of {@code base} gives {@code name}. */
  static boolean within(String name, String base) {
    if (base.isEmpty()) {
      return true;
    }
    int start = name.length() - base.length();
    if (start < 0) {
      return false;
    }
    if (start > 0 && base.charAt(0) != '.' && name.charAt(start - 1) != '.') {
      return false; // "badexample.test" is not within "example.test"
    }
    return name.regionMatches(true, start, base, 0, base.length());
  }

  /** OpenSSL's cn2dnsid: is this CN a plausible host name of two or more labels? */
  static boolean hostNameLike(String cn) {
    boolean labels = false;
    int n = cn.length();
    for (int i = 0; i < n; i++) {
      char c = cn.charAt(i);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_')) {
        continue;
      }
      boolean inner = i > 0 && i < n - 1;
      if (inner && c == '-') {
        continue;
      }
      if (inner && c == '.' && cn.charAt(i + 1) != '.' && cn.charAt(i - 1) != '-'
          && cn.charAt(i + 1) != '-') {
        labels = true;
        continue;
      }
      return false;
    }
    return labels;
  }

  /** The dNSName subtrees of one nameConstraints extension. */
  private record Subtrees(List<String> permitted, List<String> excluded, boolean minMax) {
    static Subtrees of(byte[] extensionValue) {
      NameConstraints nc =
          NameConstraints.getInstance(ASN1OctetString.getInstance(extensionValue).getOctets());
      List<String> permitted = new ArrayList<>();
      List<String> excluded = new ArrayList<>();
      boolean minMax = collect(nc.getPermittedSubtrees(), permitted);
      minMax |= collect(nc.getExcludedSubtrees(), excluded);
      return new Subtrees(permitted, excluded, minMax);
    }

    /** Adds the dNSName bases; true if one has a minimum or maximum. */
    private static boolean collect(GeneralSubtree[] subtrees, List<String> bases) {
      boolean minMax = false;
      for (GeneralSubtree s : subtrees == null ? new GeneralSubtree[0] : subtrees) {
        if (s.getBase().getTagNo() == GeneralName.dNSName) {
          bases.add(ASN1IA5String.getInstance(s.getBase().getName()).getString());
          minMax |= !BigInteger.ZERO.equals(s.getMinimum()) || s.getMaximum() != null;
        }
      }
      return minMax;
    }

    Optional<String> violatedBy(String name) {
      if (minMax) {
        return Optional.of("a dNSName subtree with a minimum or maximum, which RFC 5280"
            + " §4.2.1.10 forbids");
      }
      if (!permitted.isEmpty() && permitted.stream().noneMatch(b -> within(name, b))) {
        return Optional.of("permitted dNSName " + String.join(", ", permitted));
      }
      return excluded.stream().filter(b -> within(name, b)).findFirst()
          .map(b -> "excluded dNSName " + b);
    }
  }
}
