package dev.smtpdane.report;

import java.util.Collection;
import java.util.List;

/**
 * The roll-up order, written down once (dane-rules.md §6).
 *
 * <ul>
 *   <li>Address: FAILED if any of its findings is an error or DANE cannot apply to it
 *       (insecure address or TLSA: never a pass); VERIFIED if DANE authenticated the session;
 *       else NOT_ATTEMPTED.
 *   <li>Host: FAILED if it has an error of its own or any address FAILED or NOT_ATTEMPTED
 *       after a probe was due; VERIFIED only if it has addresses and every one is VERIFIED.
 *   <li>Domain: NO_SERVICE for a null MX / SRV "." with no other error; FAILED if it has an
 *       error of its own (e.g. insecure MX) or any host is not VERIFIED; VERIFIED only if it
 *       has hosts and every one is VERIFIED.
 * </ul>
 * FAILED outranks NOT_ATTEMPTED, which outranks VERIFIED. The exit code follows the verdicts
 * as well as the findings: anything but VERIFIED or NO_SERVICE is never exit 0.
 */
public final class RollUp {
  private RollUp() {}

  public static Verdict address(boolean authenticated, boolean daneApplicable,
      List<Finding> findings) {
    if (worst(findings) == Severity.ERROR || !daneApplicable) {
      return Verdict.FAILED;
    }
    return authenticated ? Verdict.VERIFIED : Verdict.NOT_ATTEMPTED;
  }

  public static Verdict host(List<Finding> own, Collection<Verdict> addresses) {
    if (worst(own) == Severity.ERROR || addresses.contains(Verdict.FAILED)
        || addresses.isEmpty()) {
      return Verdict.FAILED;
    }
    if (addresses.contains(Verdict.NOT_ATTEMPTED) || capped(own)) {
      return Verdict.NOT_ATTEMPTED;
    }
    return Verdict.VERIFIED;
  }

  /**
   * A domain verifies only when its MX/SRV answer is DNSSEC-secure (RFC 7672 §2.2.1;
   * {@code lookupSecure} is true in host mode, where there is no such lookup).
   */
  public static Verdict domain(List<Finding> own, Collection<Verdict> hosts, boolean noService,
      boolean lookupSecure) {
    if (worst(own) == Severity.ERROR || hosts.contains(Verdict.FAILED) || !lookupSecure) {
      return Verdict.FAILED;
    }
    if (noService) {
      return Verdict.NO_SERVICE;
    }
    if (hosts.isEmpty()) {
      return Verdict.FAILED;
    }
    return hosts.contains(Verdict.NOT_ATTEMPTED) || capped(own) ? Verdict.NOT_ATTEMPTED
        : Verdict.VERIFIED;
  }

  /** Some hosts or addresses were never probed (fan-out cap): "every host" was not checked. */
  private static boolean capped(List<Finding> own) {
    return own.stream().anyMatch(f -> f.code() == FindingCode.FAN_OUT_CAPPED);
  }

  /** The most severe finding's severity, OK when there are none. */
  public static Severity worst(Collection<Finding> findings) {
    Severity s = Severity.OK;
    for (Finding f : findings) {
      s = s.max(f.severity());
    }
    return s;
  }
}
