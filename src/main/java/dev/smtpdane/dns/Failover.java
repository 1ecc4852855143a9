package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * Asks the configured resolvers in order until one gives a final answer. NOERROR and NXDOMAIN
 * are final; SERVFAIL, REFUSED, other error RCODEs, timeouts and network errors move on to the
 * next resolver, and each failure is kept as a sentence for the reason.
 */
final class Failover {
  /** What the resolver list made of one question. */
  sealed interface Outcome {}

  /**
   * A resolver gave a final answer (NOERROR or NXDOMAIN), after the first SERVFAIL of an
   * earlier resolver if one answered so: a validating resolver's way to say "bogus" (RFC 4033
   * §5), which a later resolver that does not validate cannot overrule.
   */
  record Answered(Message message, ResolverExchange from, Optional<Attempt> servfail)
      implements Outcome {}

  /**
   * No resolver gave a final answer: every failure as a sentence, the first SERVFAIL (which may
   * hide bogus data) and the last error reply, when any resolver replied at all.
   */
  record Failed(List<String> failures, Optional<Attempt> servfail, Optional<Attempt> lastError)
      implements Outcome {
    Failed {
      failures = List.copyOf(failures);
    }

    String reason() {
      return String.join("; ", failures);
    }
  }

  /** One resolver's error reply. */
  record Attempt(ResolverExchange from, Message message) {}

  private final List<ResolverExchange> exchanges;

  private Failover(List<ResolverExchange> exchanges) {
    this.exchanges = List.copyOf(exchanges);
  }

  /**
   * The resolvers in the order they are asked, each waiting {@code timeout} per try and asked
   * {@code tries} times before the next one is.
   *
   * @throws IllegalArgumentException without resolvers, tries below 1 or a timeout not positive
   */
  static Failover of(List<InetSocketAddress> resolvers, Duration timeout, int tries) {
    Objects.requireNonNull(timeout, "timeout");
    if (resolvers.isEmpty()) {
      throw new IllegalArgumentException("at least one resolver is needed");
    }
    if (tries < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("tries must be >= 1 and the timeout positive");
    }
    return new Failover(
        resolvers.stream().map(a -> new ResolverExchange(a, timeout, tries)).toList());
  }

  List<InetSocketAddress> addresses() {
    return exchanges.stream().map(ResolverExchange::address).toList();
  }

  /** Asks {@code name}/{@code type}, with the CD bit when {@code checkingDisabled}. */
  Outcome ask(Name name, int type, boolean checkingDisabled) {
    List<String> failures = new ArrayList<>();
    Attempt servfail = null;
    Attempt lastError = null;
    for (ResolverExchange exchange : exchanges) {
      switch (exchange.send(name, type, checkingDisabled)) {
        case ResolverExchange.NoReply none -> failures.add(none.reason());
        case ResolverExchange.Reply reply -> {
          Message m = reply.message();
          int rcode = m.getRcode();
          if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
            return new Answered(m, exchange, Optional.ofNullable(servfail));
          }
          failures.add(answered(exchange, m));
          if (rcode == Rcode.SERVFAIL && servfail == null) {
            servfail = new Attempt(exchange, m);
          }
          lastError = new Attempt(exchange, m);
        }
      }
    }
    return new Failed(failures, Optional.ofNullable(servfail), Optional.ofNullable(lastError));
  }

  /** "resolver 127.0.0.1:53 answered REFUSED, EDE 18 Prohibited: ..." */
  static String answered(ResolverExchange exchange, Message reply) {
    return "resolver " + exchange.where() + " answered " + Rcode.string(reply.getRcode())
        + AnswerSection.extendedError(reply).map(e -> ", " + e).orElse("");
  }
}
