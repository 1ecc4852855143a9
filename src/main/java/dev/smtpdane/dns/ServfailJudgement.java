package dev.smtpdane.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Decides whether a SERVFAIL from a validating resolver means bogus data or an answer nobody
 * could get. A validating resolver answers SERVFAIL for both (RFC 4035 §5.5); the Extended DNS
 * Error (RFC 8914) or a second query with CD=1 tells them apart. For bogus data the CD=1 reply
 * also shows whether signatures have expired, which the EDE often does not say.
 */
final class ServfailJudgement {
  private ServfailJudgement() {}

  static Answer judge(Name qname, int qtype, ResolverExchange from, Message servfail,
      List<String> failures, Instant now) {
    Optional<ExtendedDnsError> ede = AnswerSection.extendedError(servfail);
    // An EDE that names a non-DNSSEC cause (e.g. 22, no reachable authority) settles it;
    // otherwise the CD=1 reply decides, or explains which signature failed.
    boolean settled = ede.isPresent() && !ede.get().isValidationFailure();
    Optional<Message> unchecked =
        settled ? Optional.empty() : uncheckedReply(from, qname, qtype);
    DnssecState state;
    List<String> reasons = new ArrayList<>(failures);
    if (ede.isPresent()) {
      state = ede.get().isValidationFailure() ? DnssecState.BOGUS : DnssecState.INDETERMINATE;
    } else if (unchecked.isPresent()) {
      state = DnssecState.BOGUS;
      reasons.add("with checking disabled (CD=1) " + from.where() + " returns the data, so the"
          + " data failed DNSSEC validation");
    } else {
      state = DnssecState.INDETERMINATE;
      reasons.add(from.where() + " also fails with checking disabled (CD=1): it could not get"
          + " an answer from the authoritative servers");
    }
    if (state == DnssecState.BOGUS) {
      unchecked.ifPresent(m -> reasons.addAll(signatureTimes(m, now)));
    }
    return new Answer(qname, qtype, state, servfail.getRcode(), List.of(), List.of(),
        String.join("; ", reasons), ede, Optional.of(from.address()), false);
  }

  /** The earlier resolver's SERVFAIL for {@code later}'s question, if it means bogus data. */
  private static Optional<Answer> bogus(Answer later, Failover.Attempt servfail, Instant now) {
    Answer judged = judge(later.qname(), later.qtype(), servfail.from(), servfail.message(),
        List.of(Failover.answered(servfail.from(), servfail.message())), now);
    return judged.state() == DnssecState.BOGUS ? Optional.of(judged) : Optional.empty();
  }

  /**
   * Judges a final answer without AD that came only after an earlier resolver's SERVFAIL. When
   * that SERVFAIL means bogus data (by its EDE, or because its resolver returns the data with
   * CD=1), the answer is bogus: a missing AD bit says only that the later resolver does not
   * validate or finds the data unsigned, and neither clears data a validator rejected (RFC
   * 4033 §5). Otherwise the earlier resolver simply could not answer, and {@code unvalidated}
   * stands.
   */
  static Answer overUnvalidated(Answer unvalidated, ResolverExchange answerer,
      Failover.Attempt servfail, Instant now) {
    ResolverExchange rejecter = servfail.from();
    Optional<Answer> bogus = bogus(unvalidated, servfail, now);
    if (bogus.isEmpty()) {
      return unvalidated;
    }
    Answer judged = bogus.get();
    String reason = judged.reason() + "; resolver " + answerer.where() + " then answered "
        + unvalidated.rcodeText() + " without AD: it does not validate, or it finds the data"
        + " unsigned, and neither clears data that " + rejecter.where() + " rejected as bogus."
        + " If delv or https://dnsviz.net/ finds the zone valid, check the clock and trust"
        + " anchor of " + rejecter.where() + ". A sender using these resolvers in this order"
        + " would take the unvalidated answer and skip DANE: list only validating resolvers";
    return new Answer(judged.qname(), judged.qtype(), DnssecState.BOGUS, judged.rcode(),
        List.of(), List.of(), reason, judged.ede(), judged.resolver(), false);
  }

  /**
   * Judges a final answer with AD=1 that came only after an earlier resolver's SERVFAIL. When
   * that SERVFAIL means bogus data (as in {@link #overUnvalidated}), two validating resolvers
   * contradict each other, and trusting AD bits alone cannot tell which is right: the answer is
   * indeterminate, not secure (never a false pass: if the first is right, the zone is broken
   * and senders using it defer mail), and it carries the first resolver's claim so the run can
   * warn about the contradiction ({@link ResolverDisagreement}). Otherwise the earlier resolver
   * simply could not answer, and {@code vouched} stands.
   */
  static Answer overVouched(Answer vouched, ResolverExchange answerer,
      Failover.Attempt servfail, Instant now) {
    ResolverExchange rejecter = servfail.from();
    Optional<Answer> bogus = bogus(vouched, servfail, now);
    if (bogus.isEmpty()) {
      return vouched;
    }
    Answer judged = bogus.get();
    String reason = judged.reason() + "; resolver " + answerer.where() + " then answered "
        + vouched.rcodeText() + " with AD=1, so it finds the data secure. Two validating"
        + " resolvers contradict each other, and trusting their AD bits (--dnssec trust-ad)"
        + " cannot tell which is right; senders using " + rejecter.where() + " defer mail."
        + " If delv or https://dnsviz.net/ finds the zone valid, check the clock and trust"
        + " anchor of " + rejecter.where() + "; if not, " + answerer.where() + " does not"
        + " validate what it vouches for. List only resolvers that agree, or run with --dnssec"
        + " validate to settle it";
    return new Answer(judged.qname(), judged.qtype(), DnssecState.INDETERMINATE,
        judged.rcode(), List.of(), List.of(), reason, judged.ede(), judged.resolver(), true,
        Optional.of(ResolverClaim.ofServfail(servfail)));
  }

  /** The data as the resolver has it without validation, if it can give it. */
  private static Optional<Message> uncheckedReply(ResolverExchange from, Name qname, int qtype) {
    if (from.send(qname, qtype, true) instanceof ResolverExchange.Reply reply) {
      int rcode = reply.message().getRcode();
      if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
        return Optional.of(reply.message());
      }
    }
    return Optional.empty();
  }

  /** RFC 4035 §5.3.1: a signature is valid only between its inception and expiration. */
  static List<String> signatureTimes(Message reply, Instant now) {
    List<String> out = new ArrayList<>();
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (Record r : reply.getSection(section)) {
        if (r instanceof RRSIGRecord sig) {
          String what = "RRSIG over " + DomainName.canonical(sig.getName()) + " "
              + Type.string(sig.getTypeCovered());
          if (sig.getExpire().isBefore(now)) {
            out.add(what + " expired at " + sig.getExpire());
          } else if (sig.getTimeSigned().isAfter(now)) {
            out.add(what + " is not valid before " + sig.getTimeSigned());
          }
        }
      }
    }
    return out;
  }
}
