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
  UNSIGNED_DELEGATION;

  /** True for faults applied while serving (the rest change the signed data). */
  boolean isServingFault() {
    return switch (this) {
      case SERVFAIL, REFUSED, NOTIMP, DROP, TRUNCATE -> true;
      case CORRUPT_SIGNATURE, EXPIRED_SIGNATURE, DS_MISMATCH, UNSIGNED_DELEGATION -> false;
    };
  }
}
