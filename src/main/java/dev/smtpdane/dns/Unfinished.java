package dev.smtpdane.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The answer when validation could not finish: no resolver delivered the data, or the DS and
 * DNSKEY records needed to judge it. That is indeterminate, never bogus: nothing was shown to
 * be forged, and a resolver's SERVFAIL to a CD=1 query means it could not get the data.
 */
final class Unfinished {
  private Unfinished() {}

  /**
   * An indeterminate answer to {@code qname}/{@code qtype} explained by the failures in the
   * trace (the question's own first, else the first DS or DNSKEY query that failed), or by
   * {@code why} when the trace has none.
   */
  static Answer answer(Name qname, int qtype, LookupTrace trace, String why) {
    List<LookupTrace.Failure> failures = trace.failures();
    Optional<LookupTrace.Failure> own = failures.stream()
        .filter(f -> f.question().equals(new LookupTrace.Question(qname, qtype))).findFirst();
    if (own.isPresent()) {
      Failover.Failed f = own.get().failed();
      Optional<Failover.Attempt> last = f.lastError();
      return new Answer(qname, qtype, DnssecState.INDETERMINATE,
          last.map(a -> a.message().getRcode()).orElse(Answer.NO_RCODE), List.of(), List.of(),
          f.reason(), last.flatMap(a -> AnswerSection.extendedError(a.message())),
          last.map(a -> a.from().address()), false);
    }
    String reason = why;
    if (!failures.isEmpty()) {
      LookupTrace.Failure first = failures.get(0);
      reason = "could not get the " + Type.string(first.question().type()) + " records of "
          + first.question().name() + " needed to validate the answer: "
          + first.failed().reason();
    }
    Optional<LookupTrace.Reply> raw = trace.reply(qname, qtype);
    return new Answer(qname, qtype, DnssecState.INDETERMINATE,
        raw.map(r -> r.message().getRcode()).orElse(Answer.NO_RCODE), List.of(), List.of(),
        reason, Optional.empty(), raw.map(LookupTrace.Reply::from), false);
  }
}
