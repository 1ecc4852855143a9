package dev.smtpdane.dns;

import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Rcode;

/**
 * What a resolver said about a question when asked normally (CD=0), while our own validator
 * judged its CD=1 reply: SECURE for AD=1, INSECURE for data without AD, BOGUS for a SERVFAIL
 * that only validation explains (RFC 4035 §3.2.2), INDETERMINATE when it could not answer.
 *
 * @param resolver the resolver, as people write it ({@code 127.0.0.1:53})
 * @param state the state that resolver's reply claims
 * @param detail what in its reply says so, e.g. "NOERROR with AD=1"
 */
public record ResolverClaim(String resolver, DnssecState state, String detail) {
  public ResolverClaim {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * The claim in a resolver's CD=0 reply. A SERVFAIL counts as "bogus" unless its Extended DNS
   * Error names another cause: the same resolver delivered the data with CD=1, so only
   * validation can have failed (RFC 4035 §3.2.2). When a later resolver answered without AD
   * after a SERVFAIL, the SERVFAIL is the claim: the answer without AD claims nothing.
   */
  static Optional<ResolverClaim> of(Failover.Outcome outcome) {
    return switch (outcome) {
      case Failover.Answered a -> {
        boolean ad = a.message().getHeader().getFlag(Flags.AD);
        // A later resolver's answer without AD is no claim; an earlier SERVFAIL is one.
        if (!ad && a.servfail().isPresent()) {
          yield a.servfail().map(ResolverClaim::ofServfail);
        }
        yield Optional.of(new ResolverClaim(a.from().where(),
            ad ? DnssecState.SECURE : DnssecState.INSECURE,
            Rcode.string(a.message().getRcode()) + (ad ? " with AD=1" : " without AD")));
      }
      case Failover.Failed f -> f.servfail().map(ResolverClaim::ofServfail);
    };
  }

  /** The claim of a SERVFAIL: bogus, unless its Extended DNS Error names another cause. */
  static ResolverClaim ofServfail(Failover.Attempt s) {
    Optional<ExtendedDnsError> ede = AnswerSection.extendedError(s.message());
    boolean other = ede.isPresent() && !ede.get().isValidationFailure();
    return new ResolverClaim(s.from().where(),
        other ? DnssecState.INDETERMINATE : DnssecState.BOGUS,
        "SERVFAIL" + ede.map(e -> ", " + BogusReason.readable(e.toString())).orElse(""));
  }

  @Override
  public String toString() {
    return resolver + " says " + state.label() + " (" + detail + ")";
  }
}
