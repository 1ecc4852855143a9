package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A {@link DnsLookup} that validates DNSSEC itself, from the trust anchors down (RFC 4033 §5,
 * RFC 4035 §5), so a monitoring host needs neither a validating resolver nor a trusted path to
 * one. The resolvers are only a transport: every query goes out with CD=1 and DO so that they
 * pass bogus data through for us to judge. Each answer also records what the first resolver
 * claims for the same question asked normally (asked in parallel), so that a resolver whose
 * AD bit lies can be named ({@link ResolverDisagreement}).
 *
 * <p>One instance serves a whole run and is safe for concurrent lookups: validated keys and the
 * DS and DNSKEY replies are shared, so each zone's keys cost one round trip per run. A CNAME
 * chain that is not secure as a whole is validated link by link, so each link carries its own
 * state (RFC 7672 §2.2.2).
 */
public final class ValidatingLookup implements DnsLookup {
  private static final Executor NETWORK = task -> Thread.ofVirtual().start(task);
  // Questions one lookup may ask in sequence: DS and DNSKEY per label of a deep name, the
  // answer, and its CNAME links. Only a bound against a hang, never reached in practice.
  private static final int SEQUENTIAL_QUERIES = 40;
  private final Failover failover;
  private final TrustAnchors anchors;
  private final Validation validation;

  /**
   * @param resolvers the resolvers, in the order they are asked (they need not validate)
   * @param timeout how long each try waits for a reply
   * @param tries how often a resolver is asked before moving on when it does not reply
   * @param anchors where every chain of trust must end, e.g. {@link TrustAnchors#builtInRoot()}
   */
  public ValidatingLookup(List<InetSocketAddress> resolvers, Duration timeout, int tries,
      TrustAnchors anchors) {
    this(resolvers, timeout, tries, anchors, Clock.systemUTC());
  }

  /** Resolvers with {@link StubResolver#DEFAULT_TIMEOUT} and {@link StubResolver#DEFAULT_TRIES}. */
  public ValidatingLookup(List<InetSocketAddress> resolvers, TrustAnchors anchors) {
    this(resolvers, StubResolver.DEFAULT_TIMEOUT, StubResolver.DEFAULT_TRIES, anchors);
  }

  ValidatingLookup(List<InetSocketAddress> resolvers, Duration timeout, int tries,
      TrustAnchors anchors, Clock clock) {
    this.failover = Failover.of(resolvers, timeout, tries);
    this.anchors = anchors;
    Duration limit = timeout.multipliedBy((long) tries * resolvers.size() * SEQUENTIAL_QUERIES);
    this.validation =
        new Validation(new ResolverTransport(failover), anchors, clock, limit);
  }

  /** The resolvers, in the order they are asked. */
  public List<InetSocketAddress> resolvers() {
    return failover.addresses();
  }

  /** Where every chain of trust must end. */
  public TrustAnchors trustAnchors() {
    return anchors;
  }

  @Override
  public Answer lookup(Name name, int type) {
    Name qname = DomainName.canonical(name);
    CompletableFuture<Failover.Outcome> claim =
        CompletableFuture.supplyAsync(() -> failover.ask(qname, type, false), NETWORK);
    Answer answer = withLinkStates(validation.answer(qname, type));
    try {
      return ResolverClaim.of(claim.join()).map(answer::withResolverClaim).orElse(answer);
    } catch (CompletionException e) {
      return answer; // the comparison is a bonus; the answer stands on its own
    }
  }

  /**
   * A chain that is not secure as a whole is judged link by link: each alias's CNAME RRset and
   * the records at the end are validated on their own, and the answer takes the worst state
   * among them ({@link #worse}), with the reason of the first part that has it.
   */
  private Answer withLinkStates(Answer whole) {
    if (whole.cnameChain().isEmpty() || whole.state() == DnssecState.SECURE
        || whole.hasCnameLoop() || whole.cnameChain().size() > AnswerSection.MAX_CHAIN) {
      return whole;
    }
    List<CnameLink> links = new ArrayList<>();
    List<Answer> parts = new ArrayList<>();
    for (CnameLink link : whole.cnameChain()) {
      Answer alias = validation.answer(link.owner(), Type.CNAME);
      links.add(new CnameLink(link.owner(), link.target(), alias.state()));
      parts.add(alias);
    }
    Answer end = validation.answer(whole.finalName(), whole.qtype());
    parts.add(end);
    DnssecState state = DnssecState.SECURE;
    for (Answer part : parts) {
      state = worse(state, part.state());
    }
    DnssecState overall = state;
    Answer cause = parts.stream().filter(p -> p.state() == overall).findFirst().orElse(end);
    String reason = overall == DnssecState.SECURE ? "" : DomainName.text(cause.qname()) + " "
        + Type.string(cause.qtype()) + ": " + cause.reason();
    boolean judged = overall == DnssecState.SECURE || overall == DnssecState.INSECURE;
    return new Answer(whole.qname(), whole.qtype(), overall, end.rcode(),
        judged ? end.records() : List.of(), links, reason, cause.ede(),
        whole.resolver().or(end::resolver), false);
  }

  /**
   * The roll-up order of states along a CNAME chain: bogus outranks indeterminate, which
   * outranks insecure, which outranks secure. Forged data anywhere makes the answer bogus; an
   * unanswered part leaves it undecided; one unsigned part makes it insecure.
   */
  static DnssecState worse(DnssecState a, DnssecState b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(DnssecState s) {
    return switch (s) {
      case SECURE -> 0;
      case INSECURE -> 1;
      case INDETERMINATE -> 2;
      case BOGUS -> 3;
    };
  }
}
