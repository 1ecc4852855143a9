package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.fuzz.Fuzz;
import dev.smtpdane.fuzz.Mutations;
import dev.smtpdane.hostile.RawDnsServer;
import dev.smtpdane.hostile.RawDnsServer.Bytes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Issue 8 fuzzing of DNS answer handling: mutated wire-format replies either fail to parse
 * (an IOException from dnsjava) or become an {@link Answer}; through a live stub resolver every
 * lookup returns an answer, never an exception, within its timeout.
 */
class DnsAnswerFuzzTest {
  private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 53);
  private static final List<byte[]> SEEDS = Fuzz.seeds("dns-answer");
  private static final Function<Random, byte[]> MUTATED = Mutations.of(SEEDS);
  private static final Function<Random, byte[]> ANY = r -> r.nextInt(8) == 0
      ? Mutations.randomBytes(600).apply(r) : MUTATED.apply(r);

  /** What the resolver path does with a parsed reply, as a pure function. */
  private static void readAnswer(byte[] wire) throws IOException {
    Message m = new Message(wire);
    Record question = m.getQuestion();
    Name qname = question == null ? Name.fromConstantString("fuzz.test.") : question.getName();
    int qtype = question == null ? Type.A : question.getType();
    Answer a = AnswerSection.read(DomainName.canonical(qname), qtype, m, FROM);
    assertThat(a.cnameChain().size()).isLessThanOrEqualTo(AnswerSection.MAX_CHAIN + 1);
    assertThat(a.toString()).isNotNull();
    a.hasCnameLoop();
    a.finalName();
    a.records(org.xbill.DNS.TLSARecord.class).forEach(dev.smtpdane.dane.TlsaRecord::from);
    a.records(org.xbill.DNS.MXRecord.class).forEach(r -> r.getTarget().toString());
    ServfailJudgement.signatureTimes(m, Instant.now());
    AnswerSection.extendedError(m).ifPresent(ExtendedDnsError::toString);
  }

  @Test
  void mutatedRepliesParseIntoAnAnswerOrAreRejected() {
    Fuzz.check("dns-answer-pure", Fuzz.tries(6000), ANY, DnsAnswerFuzzTest::readAnswer,
        IOException.class);
  }

  @Test
  void stubResolverTurnsEveryMutatedReplyIntoAnAnswer() {
    // The server answers each query with the next mutated seed, its ID set to the query's (so
    // that dnsjava looks further than the ID); the lookup asks the seed's own question.
    Random bytes = new Random(1);
    try (RawDnsServer server = RawDnsServer.start((q, raw, t) -> {
      byte[] reply;
      synchronized (bytes) {
        reply = MUTATED.apply(bytes);
      }
      if (reply.length >= 2 && raw.length >= 2) {
        reply[0] = raw[0];
        reply[1] = raw[1];
      }
      return new Bytes(reply);
    })) {
      StubResolver resolver = new StubResolver(List.of(server.address()),
          Duration.ofMillis(500), 1);
      Function<Random, Record> questions = r -> {
        try {
          return new Message(SEEDS.get(r.nextInt(SEEDS.size()))).getQuestion();
        } catch (IOException e) {
          throw new IllegalStateException("corpus seeds parse", e);
        }
      };
      Fuzz.check("dns-answer-resolver", Fuzz.tries(400), questions, q -> {
        Answer a = resolver.lookup(q.getName(), q.getType());
        assertThat(a.qname()).isEqualTo(DomainName.canonical(q.getName()));
        assertThat(a.state()).isNotNull();
      });
      assertThat(server.scriptErrors()).isZero();
    }
  }
}
