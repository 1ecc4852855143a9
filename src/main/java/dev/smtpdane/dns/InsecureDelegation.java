package dev.smtpdane.dns;

import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * Where signed DNS ends above a name: the first delegation below a trust anchor whose parent
 * proves, with validated NSEC or NSEC3 records, that it has no DS (RFC 4035 §5.2, RFC 5155
 * §8.9). Everything below such a delegation is insecure, and the operator needs to know which
 * delegation it is. The DS questions are the ones the validator asked while looking for keys,
 * so they cost no round trips.
 *
 * @param zone the unsigned child zone, e.g. {@code insecure.test.}
 * @param parent the signed zone that proves it has no DS
 * @param proof how it is proven, e.g. "NSEC" or "an NSEC3 opt-out span"
 */
record InsecureDelegation(Name zone, Name parent, String proof) {
  /** Asks the validator one question; empty when it could not finish. */
  @FunctionalInterface
  interface Validator {
    Optional<Message> validated(Name name, int type);
  }

  private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);
  private static final int OPT_OUT = 1;

  /** "insecure.test. is an unsigned delegation: test. proves with NSEC that it has no DS". */
  String reason() {
    return zone + " is an unsigned delegation: " + parent + " proves with " + proof
        + " that it has no DS record, so nothing under " + zone + " is signed (RFC 4035 §5.2)";
  }

  /**
   * Walks from the deepest trust anchor above {@code name} down to {@code name}, asking the
   * validator for the DS RRset at each label, and returns the first delegation proven to have
   * none. Empty when every step is signed, or when a step fails or is bogus.
   */
  static Optional<InsecureDelegation> above(Name name, TrustAnchors anchors, Validator validator) {
    Optional<Name> anchor = anchors.coveringZone(name);
    if (anchor.isEmpty()) {
      return Optional.empty();
    }
    for (int labels = anchor.get().labels() + 1; labels <= name.labels(); labels++) {
      Name zone = new Name(name, name.labels() - labels);
      Optional<Message> reply = validator.validated(zone, Type.DS);
      if (reply.isEmpty()) {
        return Optional.empty();
      }
      Message m = reply.get();
      boolean secure = m.getHeader().getFlag(Flags.AD);
      if (m.getRcode() != Rcode.NOERROR) {
        return Optional.empty(); // the name ends here (or the step is bogus): no cut below
      }
      if (hasDs(m, zone)) {
        continue;
      }
      if (!secure) {
        // The validator found the DS denial itself insecure: an NSEC3 opt-out span covers the
        // name (RFC 5155 §6), the usual way large TLDs leave unsigned delegations unlisted.
        return Optional.of(new InsecureDelegation(zone, signer(m, zone),
            hasOptOut(m) ? "an NSEC3 opt-out span" : "an insecure denial"));
      }
      Optional<String> cut = delegationProof(m, zone);
      if (cut.isPresent()) {
        return Optional.of(new InsecureDelegation(zone, signer(m, zone), cut.get()));
      }
    }
    return Optional.empty();
  }

  private static boolean hasDs(Message m, Name zone) {
    return m.getSection(Section.ANSWER).stream()
        .anyMatch(r -> r instanceof DSRecord && r.getName().equals(zone));
  }

  /**
   * RFC 4035 §5.2 / RFC 5155 §8.9: an NSEC (or a matching NSEC3) at the name whose type map
   * has NS but neither SOA nor DS marks a delegation without DS. Without NS the name is not a
   * zone cut at all, and the walk goes on.
   */
  private static Optional<String> delegationProof(Message m, Name zone) {
    for (Record r : m.getSection(Section.AUTHORITY)) {
      if (r instanceof NSECRecord nsec && nsec.getName().equals(zone) && isCut(nsec.getTypes())) {
        return Optional.of("NSEC");
      }
      if (r instanceof NSEC3Record nsec3 && matches(nsec3, zone) && isCut(nsec3.getTypes())) {
        return Optional.of("NSEC3");
      }
    }
    return Optional.empty();
  }

  private static boolean isCut(int[] types) {
    boolean ns = false;
    for (int type : types) {
      if (type == Type.SOA || type == Type.DS) {
        return false;
      }
      ns |= type == Type.NS;
    }
    return ns;
  }

  private static boolean matches(NSEC3Record nsec3, Name name) {
    try {
      String hash = BASE32HEX.toString(nsec3.hashName(name));
      return nsec3.getName().getLabelString(0).toUpperCase(Locale.ROOT).equals(hash);
    } catch (NoSuchAlgorithmException e) {
      return false;
    }
  }

  private static boolean hasOptOut(Message m) {
    return m.getSection(Section.AUTHORITY).stream()
        .anyMatch(r -> r instanceof NSEC3Record n && (n.getFlags() & OPT_OUT) != 0);
  }

  /** The zone whose signature is on the denial; the next label up if none is shown. */
  private static Name signer(Message m, Name zone) {
    return m.getSection(Section.AUTHORITY).stream()
        .filter(RRSIGRecord.class::isInstance).map(r -> ((RRSIGRecord) r).getSigner())
        .findFirst().map(DomainName::canonical).orElse(new Name(zone, 1));
  }
}
