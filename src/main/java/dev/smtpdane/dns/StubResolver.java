package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A {@link DnsLookup} that trusts the AD bit of validating recursive resolvers, as a DANE MTA
 * does with a local Unbound (RFC 7672 §2.1.1, RFC 4035 §4.9.3: trust AD only over a trusted
 * path; the caller warns when a resolver is not on loopback).
 *
 * <p>Resolvers are tried in order. NOERROR and NXDOMAIN answers are final; SERVFAIL, REFUSED,
 * other error RCODEs, timeouts and network errors move on to the next resolver. When all fail,
 * a SERVFAIL is judged bogus if it carries a DNSSEC Extended DNS Error (RFC 8914 §4.7-§4.13) or
 * if the same resolver returns the data when asked with CD=1 (RFC 4035 §3.2.2: so only
 * validation failed); otherwise the answer is indeterminate. The same judgement applies when a
 * later resolver answers without AD after such a SERVFAIL: that answer cannot clear data a
 * validating resolver called bogus, so the answer is bogus, not insecure. A later answer with
 * AD=1 contradicts the bogus SERVFAIL: the answer is then indeterminate, never secure.
 */
public final class StubResolver implements DnsLookup {
  /** Per-try timeout used by the command line unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** Tries per resolver on timeout. */
  public static final int DEFAULT_TRIES = 2;

  private final Failover failover;

  /**
   * @param resolvers the resolvers, in the order they are asked
   * @param timeout how long each try waits for a reply
   * @param tries how often a resolver is asked before moving on when it does not reply
   */
  public StubResolver(List<InetSocketAddress> resolvers, Duration timeout, int tries) {
    this.failover = Failover.of(resolvers, timeout, tries);
  }

  /** A resolver with {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_TRIES}. */
  public StubResolver(List<InetSocketAddress> resolvers) {
    this(resolvers, DEFAULT_TIMEOUT, DEFAULT_TRIES);
  }

  /** The resolvers, in the order they are asked. */
  public List<InetSocketAddress> resolvers() {
    return failover.addresses();
  }

  @Override
  public Answer lookup(Name name, int type) {
    Name qname = DomainName.canonical(name);
    return switch (failover.ask(qname, type, false)) {
      case Failover.Answered a -> withChainStates(answered(qname, type, a));
      case Failover.Failed f -> failed(qname, type, f);
    };
  }

  /**
   * A final answer. One that came after an earlier resolver's SERVFAIL is weighed against that
   * SERVFAIL first: a validator's "bogus" outranks a resolver that merely did not vouch for the
   * data (RFC 4035 §4.9.3), and the zone must not be called unsigned for it; against a
   * resolver that vouches for it (AD=1), neither side can be taken on trust, so the answer is
   * indeterminate and names both.
   */
  private static Answer answered(Name qname, int type, Failover.Answered a) {
    Answer answer = AnswerSection.read(qname, type, a.message(), a.from().address());
    if (a.servfail().isEmpty()) {
      return answer;
    }
    if (answer.state() == DnssecState.INSECURE) {
      return ServfailJudgement.overUnvalidated(answer, a.from(), a.servfail().get(),
          Instant.now());
    }
    if (answer.state() == DnssecState.SECURE) {
      return ServfailJudgement.overVouched(answer, a.from(), a.servfail().get(), Instant.now());
    }
    return answer;
  }

  private static Answer failed(Name qname, int type, Failover.Failed f) {
    if (f.servfail().isPresent()) {
      Failover.Attempt s = f.servfail().get();
      return ServfailJudgement.judge(
          qname, type, s.from(), s.message(), f.failures(), Instant.now());
    }
    if (f.lastError().isEmpty()) {
      return Answer.failed(qname, type, DnssecState.INDETERMINATE, Answer.NO_RCODE, f.reason());
    }
    Message lastError = f.lastError().get().message();
    return new Answer(qname, type, DnssecState.INDETERMINATE, lastError.getRcode(), List.of(),
        List.of(), f.reason(), AnswerSection.extendedError(lastError),
        Optional.of(f.lastError().get().from().address()), false);
  }

  /**
   * A reply with AD=0 says only that something in it was not secure. To know where a CNAME
   * chain leaves signed DNS (RFC 7672 §2.2.2), each alias is asked for on its own, all at once:
   * the questions do not depend on each other, so they cost one round trip, not one each.
   */
  private Answer withChainStates(Answer answer) {
    if (answer.state() == DnssecState.SECURE || answer.cnameChain().isEmpty()
        || answer.hasCnameLoop()) {
      return answer;
    }
    List<CompletableFuture<Answer>> asked = answer.cnameChain().stream()
        .map(link -> CompletableFuture.supplyAsync(() -> lookup(link.owner(), Type.CNAME),
            task -> Thread.ofVirtual().name("smtpdane-cname-link").start(task)))
        .toList();
    List<CnameLink> links = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      CnameLink link = answer.cnameChain().get(i);
      links.add(new CnameLink(link.owner(), link.target(), asked.get(i).join().state()));
    }
    return new Answer(answer.qname(), answer.qtype(), answer.state(), answer.rcode(),
        answer.records(), links, answer.reason(), answer.ede(), answer.resolver(),
        answer.stateFromAdBit());
  }
}
