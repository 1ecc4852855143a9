package dev.smtpdane.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Validates one question with dnsjava's {@link ValidatingResolver} and turns its verdict into
 * an {@link Answer}: secure (AD), bogus (SERVFAIL, explained by {@link BogusReason}), insecure
 * (explained by the {@link InsecureDelegation} above the name), or indeterminate when a
 * resolver could not deliver the data or the keys. One instance serves every lookup of a run.
 */
final class Validation {
  private final ValidatingResolver validator;
  private final ResolverTransport transport;
  private final TrustAnchors anchors;
  private final Clock clock;
  private final Duration limit;

  Validation(ResolverTransport transport, TrustAnchors anchors, Clock clock, Duration limit) {
    this.transport = transport;
    this.anchors = anchors;
    this.clock = clock;
    this.limit = limit;
    this.validator = new ValidatingResolver(transport, clock);
    // Only our anchors: the validator also reads dnsjava.dnssec.trust_anchor_file if set.
    validator.getTrustAnchors().clear();
    try {
      validator.loadTrustAnchors(new ByteArrayInputStream(
          anchors.zoneFileText().getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException("trust anchors parsed once already fail to load", e);
    }
  }

  /** Validates {@code qname}/{@code qtype}; the CNAME links get the state of the whole. */
  Answer answer(Name qname, int qtype) {
    LookupTrace trace = new LookupTrace();
    Optional<Message> validated;
    try {
      validated = Optional.of(send(qname, qtype, trace));
    } catch (ValidationStopped e) {
      return Unfinished.answer(qname, qtype, trace, e.getMessage());
    }
    Message m = validated.get();
    boolean secure = m.getHeader().getFlag(Flags.AD);
    if (!secure && !trace.failures().isEmpty()) {
      return Unfinished.answer(qname, qtype, trace, "");
    }
    Optional<LookupTrace.Reply> raw = trace.reply(qname, qtype);
    if (raw.isEmpty()) {
      return Unfinished.answer(qname, qtype, trace, "the validator never asked the resolvers");
    }
    if (secure) {
      return AnswerSection.read(qname, qtype, m, raw.get().from(), DnssecState.SECURE, "", false);
    }
    if (m.getRcode() == Rcode.SERVFAIL) {
      return bogus(qname, qtype, m, raw.get());
    }
    return insecure(qname, qtype, m, raw.get());
  }

  /** The validated reply, or empty when it could not be had (for the delegation walk). */
  Optional<Message> validated(Name name, int type) {
    LookupTrace trace = new LookupTrace();
    try {
      Message m = send(name, type, trace);
      return trace.failures().isEmpty() ? Optional.of(m) : Optional.empty();
    } catch (ValidationStopped e) {
      return Optional.empty();
    }
  }

  private Message send(Name qname, int qtype, LookupTrace trace) throws ValidationStopped {
    Message query = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
    try {
      return validator.sendAsync(query, trace).toCompletableFuture()
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new ValidationStopped(trace.failures().isEmpty()
          ? "the validator failed: " + e.getCause() : "");
    } catch (TimeoutException e) {
      throw new ValidationStopped("validation did not finish within "
          + ResolverExchange.seconds(limit));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidationStopped("interrupted");
    }
  }

  private Answer bogus(Name qname, int qtype, Message validated, LookupTrace.Reply raw) {
    Message reply = raw.message();
    if (isUnsignedDenial(reply)) {
      // dnsjava issue #402: a negative answer with no SOA (and so no signer) cannot be placed
      // in a zone, and the validator calls it bogus even under an insecure delegation. Prove
      // the delegation ourselves, as Unbound does from the question name.
      Optional<InsecureDelegation> cut = InsecureDelegation.above(qname, anchors, this::validated);
      if (cut.isPresent()) {
        return AnswerSection.read(qname, qtype, reply, raw.from(), DnssecState.INSECURE,
            cut.get().reason() + "; the negative answer carries no SOA record, which dnsjava's"
                + " validator cannot place in a zone (dnsjava issue #402)", false);
      }
    }
    RrsigCheck.Problem p = new BogusReason(anchors, this::unvalidated, clock.instant())
        .explain(qname, qtype, reply, reasonOf(validated), edeOf(validated));
    Answer shape = AnswerSection.read(qname, qtype, reply, raw.from(), DnssecState.BOGUS,
        p.text(), false);
    if (shape.state() == DnssecState.INDETERMINATE) {
      return shape; // a CNAME loop outranks the signatures
    }
    return new Answer(qname, qtype, DnssecState.BOGUS, Rcode.SERVFAIL, List.of(),
        shape.cnameChain(), p.text(), Optional.of(new ExtendedDnsError(p.ede(), p.text())),
        Optional.of(raw.from()), false);
  }

  private Answer insecure(Name qname, int qtype, Message validated, LookupTrace.Reply raw) {
    String dnsjava = BogusReason.readable(reasonOf(validated));
    Optional<InsecureDelegation> cut = InsecureDelegation.above(
        AnswerSection.read(qname, qtype, validated, raw.from()).finalName(), anchors,
        this::validated);
    if (cut.isEmpty() && dnsjava.isEmpty()) {
      return Unfinished.answer(qname, qtype, new LookupTrace(),
          "the validator reached no verdict for " + qname + " (no AD, no reason)");
    }
    String reason = cut.map(InsecureDelegation::reason)
        .orElse("the validator found it insecure: " + dnsjava);
    return AnswerSection.read(qname, qtype, validated, raw.from(), DnssecState.INSECURE, reason,
        false);
  }

  private Optional<Message> unvalidated(Name name, int type) {
    return switch (transport.ask(new LookupTrace.Question(name, type))) {
      case Failover.Answered a -> Optional.of(a.message());
      case Failover.Failed f -> Optional.empty();
    };
  }

  /** A negative answer with no RRSIG anywhere: nothing in it names a signer. */
  private static boolean isUnsignedDenial(Message reply) {
    return reply.getSection(Section.ANSWER).isEmpty()
        && reply.getSection(Section.AUTHORITY).stream().noneMatch(RRSIGRecord.class::isInstance);
  }

  /** dnsjava's reason: a TXT record owned by "." in class 65280 in the additional section. */
  static String reasonOf(Message validated) {
    for (Record r : validated.getSection(Section.ADDITIONAL)) {
      if (r instanceof TXTRecord t
          && t.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
        return String.join("", t.getStrings());
      }
    }
    return "";
  }

  private static int edeOf(Message validated) {
    OPTRecord opt = validated.getOPT();
    if (opt == null) {
      return -1;
    }
    for (EDNSOption o : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
      return ((ExtendedErrorCodeOption) o).getErrorCode();
    }
    return -1;
  }

  /** Validation ended without a verdict; the message says why unless the trace does. */
  private static final class ValidationStopped extends Exception {
    ValidationStopped(String message) {
      super(message, null, false, false);
    }
  }
}
