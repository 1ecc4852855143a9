package dev.smtpdane.lab.dns;

/**
 * A way the lab DNS misbehaves for one name and type, each value saying what it simulates. The
 * serving faults act at the authoritative server; the validating resolver in front then reacts
 * as a real one does (SERVFAIL with an Extended DNS Error, or silence until the client gives
 * up). The signing faults change the zone data, so the validator finds the data bogus.
 */
public enum Fault {
  /** The authority answers SERVFAIL: a broken or overloaded authoritative server. */
  SERVFAIL,
  /** The authority answers REFUSED: a lame delegation or an ACL that shuts us out. */
  REFUSED,
  /** The authority answers NOTIMP: an old server that does not know the type (e.g. TLSA). */
  NOTIMP,
  /**
   * The authority never answers: a firewall dropping the query type, or a dead server. The
   * validating resolver answers SERVFAIL (EDE 22) after its upstream timeout; a client with a
   * shorter timeout sees a timeout.
   */
  DROP,
  /**
   * Both servers answer this name and type over UDP with TC=1 and no records, so clients must
   * retry over TCP (RFC 7766). Not a failure: it tests the TCP fallback.
   */
  TRUNCATE,
  /** The RRSIG over this RRset has one signature byte flipped: a tampered or corrupted answer. */
  CORRUPT_SIGNATURE,
  /** The RRSIG over this RRset expired yesterday: a zone whose re-signing job stopped. */
  EXPIRED_SIGNATURE,
  /**
   * The parent's DS for this zone (the name must be a zone apex) matches no DNSKEY of the zone:
   * a key rollover done without updating the registrar. Everything in the zone is bogus.
   */
  DS_MISMATCH,
  /**
   * The zone (the name must be a zone apex) is served unsigned and its parent has no DS: an
   * insecure delegation, the same as declaring it with {@code unsignedZone}.
   */
  UNSIGNED_DELEGATION,
  /** The RRSIG over this RRset becomes valid only tomorrow: a signer whose clock runs ahead. */
  NOT_YET_VALID_SIGNATURE,
  /**
   * This RRset is signed by a key the zone does not publish in its DNSKEY RRset: a ZSK
   * rollover that put the new signatures out before the new key.
   */
  MISSING_DNSKEY,
  /**
   * The authority leaves the SOA out of its negative answers (NODATA, NXDOMAIN) for this name
   * and type, as some load balancers do. Harmless in an unsigned zone, yet dnsjava's validator
   * calls such an answer bogus (dnsjava issue #402), and so does the lab's resolver, which is
   * dnsjava's validator.
   */
  DENIAL_WITHOUT_SOA,
  /**
   * A resolver (see {@link LabDns#failingResolver}) that forwards every query to the authority
   * without validating and sets AD=1 on every answer: a forged AD bit, as an attacker on the
   * path to a remote resolver can produce.
   */
  FORGE_AD,
  /**
   * A resolver (see {@link LabDns#failingResolver}) that forwards every query to the authority
   * and never sets AD: a recursive resolver that does not validate.
   */
  NON_VALIDATING;

  /** True for faults that replace the authority's answer: an error RCODE, silence, or TC=1. */
  boolean isServingFault() {
    return switch (this) {
      case SERVFAIL, REFUSED, NOTIMP, DROP, TRUNCATE -> true;
      case CORRUPT_SIGNATURE, EXPIRED_SIGNATURE, DS_MISMATCH, UNSIGNED_DELEGATION,
          NOT_YET_VALID_SIGNATURE, MISSING_DNSKEY, DENIAL_WITHOUT_SOA, FORGE_AD, NON_VALIDATING ->
          false;
    };
  }
}
