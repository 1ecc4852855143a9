package dev.smtpdane.dane;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Matches a DANE-TA leaf certificate's names against the reference identifiers (RFC 7672
 * §3.2.2, §3.2.3; RFC 6125 §6.4). DANE-EE never gets here (RFC 7672 §3.1.1).
 *
 * <ul>
 *   <li>Presented names are the DNS-ID subjectAltNames; the subject CNs (all of them) only when
 *       the certificate has no DNS-ID (RFC 6125 §6.4.4).
 *   <li>Comparison is ASCII case-insensitive with a trailing dot ignored; IDNA A-labels are
 *       compared as they are (RFC 6125 §6.4.2).
 *   <li>A wildcard is only a whole left-most label {@code *} and matches exactly one non-empty
 *       label (RFC 7672 §3.2.3): {@code *.example.test} matches {@code mx.example.test}, not
 *       {@code a.b.example.test} nor {@code example.test}; {@code mx*.example.test} matches
 *       nothing.
 *   <li>Decision: a wildcard needs at least two labels after it, so {@code *.test} or {@code
 *       *.com} match nothing. RFC 6125 §7.2 warns against such wildcards and OpenSSL (used by
 *       Postfix for these checks) refuses them the same way.
 * </ul>
 */
final class ServiceIdentity {
  private static final String SUBJECT_ALT_NAME = "2.5.29.17"; // RFC 5280 §4.2.1.6

  private final List<String> referenceNames;

  private ServiceIdentity(List<String> referenceNames) {
    this.referenceNames = referenceNames;
  }

  /** The reference identifiers, normalised and de-duplicated in order. */
  static ServiceIdentity of(Collection<String> referenceIdentifiers) {
    Set<String> names = new LinkedHashSet<>();
    for (String r : referenceIdentifiers) {
      String n = normalise(r);
      // A reference identifier is a host name: it never contains a wildcard itself.
      if (!n.isEmpty() && !n.contains("*")) {
        names.add(n);
      }
    }
    return new ServiceIdentity(List.copyOf(names));
  }

  List<String> referenceNames() {
    return referenceNames;
  }

  /** The first (reference name, presented name) pair that matches, if any. */
  Optional<NameMatch> match(X509Certificate leaf) {
    List<String> presented = presentedNames(leaf);
    for (String reference : referenceNames) {
      for (String name : presented) {
        if (matches(name, reference)) {
          return Optional.of(new NameMatch(reference, name));
        }
      }
    }
    return Optional.empty();
  }

  /** A reference identifier and the certificate name that matched it. */
  record NameMatch(String referenceName, String presentedName) {}

  /**
   * The names the certificate presents: DNS-IDs, or its CNs only when it has no DNS-ID; none
   * when its subjectAltName cannot be read strictly ({@link #unreadableSan}).
   */
  static List<String> presentedNames(X509Certificate cert) {
    if (unreadableSan(cert)) {
      return List.of(); // never the CN instead: the SAN may hold DNS-IDs that rule it out
    }
    List<String> dnsIds = dnsIds(cert);
    return dnsIds.isEmpty() ? commonNames(cert) : dnsIds;
  }

  /**
   * True if a subjectAltName extension is present but not readable strictly: not DER (trailing
   * bytes, BER lengths, a constructed string, nesting Bouncy Castle refuses) or refused by the
   * JDK's parser. Decision: such a certificate presents no names, so DANE-TA fails its name
   * check; falling back to the CN would be a false pass (RFC 6125 §6.4.4). OpenSSL (Postfix,
   * Exim) fails those it cannot decode too, and cannot even load some the JDK refuses. It is
   * more lenient with BER (lengths not in their shortest form, indefinite lengths): there we
   * are deliberately stricter, as RFC 5280 §4.1 requires DER, as we are for a DNS-ID that
   * matches beside a name only the JDK refuses (a URI without a scheme). Both can fail a
   * name check that Postfix would pass; neither can pass one it would fail.
   */
  static boolean unreadableSan(X509Certificate cert) {
    byte[] extension = cert.getExtensionValue(SUBJECT_ALT_NAME);
    if (extension == null) {
      return false;
    }
    try {
      cert.getSubjectAlternativeNames(); // the JDK's own parse, stricter about some names
      byte[] der = ASN1OctetString.getInstance(extension).getOctets();
      Optional<GeneralNames> names = decoded(extension);
      return names.isEmpty() || !Arrays.equals(names.get().getEncoded(ASN1Encoding.DER), der);
    } catch (CertificateParsingException | IOException | RuntimeException e) {
      return true;
    }
  }

  /** The extension's names as Bouncy Castle decodes them; empty if it cannot. */
  private static Optional<GeneralNames> decoded(byte[] extension) {
    try {
      return Optional.of(GeneralNames.getInstance(
          ASN1OctetString.getInstance(extension).getOctets()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True if the presented name (possibly a wildcard) matches the normalised reference. */
  static boolean matches(String presentedName, String reference) {
    String pattern = normalise(presentedName);
    if (pattern.isEmpty() || reference.isEmpty()) {
      return false;
    }
    if (!pattern.startsWith("*.")) {
      return !pattern.contains("*") && pattern.equals(reference);
    }
    String suffix = pattern.substring(1); // ".example.test"
    if (suffix.contains("*") || suffix.chars().filter(c -> c == '.').count() < 2) {
      return false; // a second wildcard, or too few labels after it (*.test)
    }
    int dot = reference.indexOf('.');
    // Exactly one label, not empty, stands in for the '*'.
    return dot > 0 && reference.substring(dot).equals(suffix);
  }

  static String normalise(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /**
   * The DNS-ID subjectAltNames, as written, decoded with Bouncy Castle; none if the extension
   * cannot be decoded. Callers that fall back to the CN check {@link #unreadableSan} first.
   */
  static List<String> dnsIds(X509Certificate cert) {
    byte[] extension = cert.getExtensionValue(SUBJECT_ALT_NAME);
    if (extension == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try {
      for (GeneralName san : decoded(extension).map(GeneralNames::getNames)
          .orElse(new GeneralName[0])) {
        if (san.getTagNo() == GeneralName.dNSName) {
          names.add(ASN1IA5String.getInstance(san.getName()).getString());
        }
      }
    } catch (RuntimeException e) { // a dNSName that is not a string presents no names
      return List.of();
    }
    return List.copyOf(names);
  }

  /** The subject's CNs, as written; none if the subject cannot be read. */
  static List<String> commonNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
      for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
        for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
          if (BCStyle.CN.equals(attribute.getType())
              && attribute.getValue() instanceof ASN1String v) {
            names.add(v.getString());
          }
        }
      }
    } catch (Exception e) { // an unreadable subject presents no names
      return List.of();
    }
    return List.copyOf(names);
  }
}
