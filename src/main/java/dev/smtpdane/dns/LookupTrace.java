package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * What happened on the wire during one validated lookup: every reply the validator was given
 * (unvalidated, as the resolver sent it with CD=1), which resolver gave it, and every question
 * no resolver could answer. dnsjava's validator passes its executor down to the transport, so
 * this trace travels as that executor and each lookup sees only its own queries, however many
 * lookups share the validator.
 *
 * <p>Tasks run on virtual threads: the transport blocks on the network, and the validator must
 * never block the common fork-join pool.
 */
final class LookupTrace implements Executor {
  /** A question as the transport saw it (owner lower-cased). */
  record Question(Name name, int type) {
    Question {
      name = DomainName.canonical(name);
    }
  }

  /** A reply and the resolver that gave it. */
  record Reply(Message message, InetSocketAddress from) {}

  /** A question no resolver answered, with the reason and the last error reply if any. */
  record Failure(Question question, Failover.Failed failed) {}

  private final Map<Question, Reply> replies = new ConcurrentHashMap<>();
  private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

  @Override
  public void execute(Runnable task) {
    Thread.ofVirtual().name("smtpdane-validate").start(task);
  }

  void replied(Question question, Message message, InetSocketAddress from) {
    replies.put(question, new Reply(message, from));
  }

  void failed(Question question, Failover.Failed failed) {
    failures.add(new Failure(question, failed));
  }

  /** The unvalidated reply to {@code name}/{@code type}, if the validator asked for it. */
  Optional<Reply> reply(Name name, int type) {
    return Optional.ofNullable(replies.get(new Question(name, type)));
  }

  List<Failure> failures() {
    return List.copyOf(failures);
  }
}
