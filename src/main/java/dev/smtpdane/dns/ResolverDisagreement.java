package dev.smtpdane.dns;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Our validator and the resolver disagree about one answer: the resolver vouches (AD=1) for
 * data we find bogus or unsigned, or it rejects (SERVFAIL) data we find secure or provably
 * unsigned. Either its validation is broken, it uses other trust anchors, or something on the
 * path rewrites its replies (RFC 4035 §4.9.3). A resolver that never sets AD is not in
 * disagreement: it simply does not validate, which our own validation makes harmless. Without
 * our validator (--dnssec trust-ad), one resolver rejects as bogus what a later one vouches for
 * ({@code ours} is then INDETERMINATE: nobody can tell which is right).
 *
 * @param qname the name asked for
 * @param qtype the type asked for (dnsjava {@code Type} constant)
 * @param claim what the resolver said
 * @param ours our state
 * @param reason our reason (empty when ours is secure)
 */
public record ResolverDisagreement(
    Name qname, int qtype, ResolverClaim claim, DnssecState ours, String reason) {
  public ResolverDisagreement {
    Objects.requireNonNull(qname, "qname");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(ours, "ours");
    reason = reason == null ? "" : reason;
  }

  /** The disagreements among {@code answers}, one per question, in the order first seen. */
  public static List<ResolverDisagreement> among(Collection<Answer> answers) {
    Map<String, ResolverDisagreement> out = new LinkedHashMap<>();
    for (Answer a : answers) {
      a.resolverClaim().filter(c -> disagree(c.state(), a.state())
          || contradictedByAd(c.state(), a)).ifPresent(c -> out.putIfAbsent(
          a.qname() + " " + a.qtype(),
          new ResolverDisagreement(a.qname(), a.qtype(), c, a.state(), a.reason())));
    }
    return List.copyOf(out.values());
  }

  /**
   * A resolver's claim conflicts with ours when it says secure and we do not, or when it says
   * bogus and we could judge the data (secure or insecure). Indeterminate on either side is a
   * failure to answer, and "insecure" from a resolver that does not validate is no claim.
   */
  static boolean disagree(DnssecState resolver, DnssecState ours) {
    return switch (resolver) {
      case SECURE -> ours == DnssecState.BOGUS || ours == DnssecState.INSECURE;
      case BOGUS -> ours == DnssecState.SECURE || ours == DnssecState.INSECURE;
      case INSECURE, INDETERMINATE -> false;
    };
  }

  /**
   * Trusting AD bits, one resolver's bogus SERVFAIL met another's AD=1 for the same question
   * ({@link ServfailJudgement#overVouched}): the answer is indeterminate, taken from AD bits,
   * with the SERVFAIL as the claim. Our own validator never marks its answers so.
   */
  static boolean contradictedByAd(DnssecState resolver, Answer a) {
    return resolver == DnssecState.BOGUS && a.state() == DnssecState.INDETERMINATE
        && a.stateFromAdBit();
  }

  /** A sentence for a warning finding. */
  public String message() {
    String question = DomainName.text(qname) + " " + Type.string(qtype);
    if (ours == DnssecState.INDETERMINATE) {
      // contradictedByAd: the reason names both resolvers, what each said, and what to do.
      return "resolvers contradict each other about " + question + ": " + reason;
    }
    String ourVerdict = ours.label() + (reason.isEmpty() ? "" : " (" + reason + ")");
    return "resolver " + claim.resolver() + " says " + question + " is " + claim.state().label()
        + " (" + claim.detail() + "), but smtpdane's own DNSSEC validation finds it "
        + ourVerdict + ": that resolver's validation is broken, it uses other trust anchors,"
        + " or something on the path rewrites its replies (RFC 4035 §4.9.3). Do not rely on"
        + " its AD bit";
  }
}
