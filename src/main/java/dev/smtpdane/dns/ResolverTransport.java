package dev.smtpdane.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * The resolver list as dnsjava's validator sees it: every question goes out with CD=1 and DO
 * (RFC 4035 §3.2.2: "give me the data unvalidated, with signatures"), over the same failover,
 * timeouts and tries as {@link StubResolver}. The resolvers are only a transport here.
 *
 * <p>DS and DNSKEY replies are kept for the whole run and shared: concurrent lookups that need
 * the same key wait for one query, and later lookups need none (the validator's own key cache
 * restarts its walk from the trust anchor whenever a new zone is reached). A question no
 * resolver answers is not kept, so a later lookup may try again.
 */
final class ResolverTransport implements Resolver {
  private static final Executor NETWORK = task -> Thread.ofVirtual().start(task);
  private final Failover failover;
  private final Map<LookupTrace.Question, CompletableFuture<Failover.Outcome>> keys =
      new ConcurrentHashMap<>();

  ResolverTransport(Failover failover) {
    this.failover = failover;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, new LookupTrace());
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    Record q = query.getQuestion();
    LookupTrace.Question question = new LookupTrace.Question(q.getName(), q.getType());
    LookupTrace trace = executor instanceof LookupTrace t ? t : new LookupTrace();
    int id = query.getHeader().getID();
    return fetch(question).thenApply(outcome -> switch (outcome) {
      case Failover.Answered a -> {
        trace.replied(question, a.message(), a.from().address());
        Message copy = a.message().clone();
        copy.getHeader().setID(id);
        yield copy;
      }
      case Failover.Failed f -> {
        trace.failed(question, f);
        throw new CompletionException(new IOException(f.reason()));
      }
    });
  }

  /** The unvalidated reply to a question, waiting for it on the caller's (virtual) thread. */
  Failover.Outcome ask(LookupTrace.Question question) {
    return fetch(question).join();
  }

  private CompletableFuture<Failover.Outcome> fetch(LookupTrace.Question question) {
    if (question.type() != Type.DS && question.type() != Type.DNSKEY) {
      return query(question);
    }
    CompletableFuture<Failover.Outcome> shared = keys.computeIfAbsent(question, this::query);
    shared.thenAccept(outcome -> {
      if (outcome instanceof Failover.Failed) {
        keys.remove(question, shared);
      }
    });
    return shared;
  }

  private CompletableFuture<Failover.Outcome> query(LookupTrace.Question question) {
    return CompletableFuture.supplyAsync(
        () -> failover.ask(question.name(), question.type(), true), NETWORK);
  }

  // The validator configures its head resolver; ours keeps the settings of the command line
  // (EDNS0 with DO and a 1232-octet payload, TCP on truncation, the given timeout).

  @Override
  public void setPort(int port) {}

  @Override
  public void setTCP(boolean flag) {}

  @Override
  public void setIgnoreTruncation(boolean flag) {}

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

  @Override
  public void setTSIGKey(TSIG key) {}

  @Override
  public void setTimeout(Duration timeout) {}
}
