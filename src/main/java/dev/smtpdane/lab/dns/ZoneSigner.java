package dev.smtpdane.lab.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Signs a lab zone with its key: an RRSIG over every authoritative RRset (RFC 4035 §2.2), but
 * not over the NS RRset of a delegation (the child is authoritative for it). Applies the
 * signature faults: a flipped signature byte, or a validity window that ended yesterday.
 */
final class ZoneSigner {
  private static final Duration VALIDITY = Duration.ofDays(30);
  private final ZoneKey key;
  private final FaultPlan faults;
  private final Instant now;

  ZoneSigner(ZoneKey key, FaultPlan faults, Instant now) {
    this.key = key;
    this.faults = faults;
    this.now = now;
  }

  void sign(ZoneData zone) {
    if (zone.nsec3().isPresent()) {
      zone.nsec3().get().build(zone);
      for (RRset rrset : zone.nsec3().get().rrsets()) {
        rrset.addRR(signature(rrset, Optional.empty()));
      }
    } else {
      zone.addNsecChain();
    }
    for (Map.Entry<Name, Map<Integer, RRset>> node : zone.nodes().entrySet()) {
      Name owner = node.getKey();
      for (RRset rrset : node.getValue().values()) {
        if (rrset.getType() == Type.NS && zone.isDelegation(owner)) {
          continue;
        }
        rrset.addRR(signature(rrset, faults.at(owner, rrset.getType())));
      }
    }
  }

  private RRSIGRecord signature(RRset rrset, Optional<Fault> fault) {
    boolean expired = fault.equals(Optional.of(Fault.EXPIRED_SIGNATURE));
    // Inception an hour back tolerates clock skew between the lab and the validator.
    Instant inception = expired ? now.minus(VALIDITY) : now.minus(Duration.ofHours(1));
    Instant expiration = expired ? now.minus(Duration.ofDays(1)) : now.plus(VALIDITY);
    try {
      RRSIGRecord sig = DNSSEC.sign(rrset, key.dnskey(), key.privateKey(), inception, expiration);
      return fault.equals(Optional.of(Fault.CORRUPT_SIGNATURE)) ? corrupted(sig) : sig;
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot sign " + rrset.getName(), e);
    }
  }

  private static RRSIGRecord corrupted(RRSIGRecord sig) {
    byte[] signature = sig.getSignature().clone();
    signature[signature.length / 2] ^= 0x5a;
    return new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
        sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(),
        sig.getFootprint(), sig.getSigner(), signature);
  }
}
