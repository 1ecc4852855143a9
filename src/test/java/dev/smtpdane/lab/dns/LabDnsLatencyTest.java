package dev.smtpdane.lab.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The lab resolver with a simulated round trip: answers unchanged (validated, AD set, from the
 * cache the second time), none before its round trip. Lower bounds only: a sleep guarantees
 * them however busy the machine is, so this cannot fail by chance.
 */
@Timeout(30)
class LabDnsLatencyTest {
  private static final Duration RTT = Duration.ofMillis(300);

  @Test
  void everyAnswerWaitsOneRoundTripAndStaysValidated() throws Exception {
    try (LabDns lab = LabDns.builder()
        .zone("example.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.25")
            .a("mx2", "127.0.0.26"))
        .latency(RTT).start()) {
      SimpleResolver r = new SimpleResolver(lab.resolver());
      r.setTimeout(Duration.ofSeconds(10));
      for (int round = 0; round < 2; round++) { // the second time from the resolver's cache
        long t0 = System.nanoTime();
        Message answer = r.send(query("mx.example.test.", Type.A));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(RTT);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getHeader().getFlag(Flags.AD)).isTrue();
        assertThat(answer.getSection(1)).hasSize(1);
      }
    }
  }

  @Test
  void queriesAskedAtOnceAreAnsweredAtOnce() throws Exception {
    try (LabDns lab = LabDns.builder()
        .zone("example.test.", z -> z.a("a", "127.0.0.1").a("b", "127.0.0.2")
            .a("c", "127.0.0.3"))
        .latency(RTT).start()) {
      SimpleResolver r = new SimpleResolver(lab.resolver());
      r.setTimeout(Duration.ofSeconds(10));
      List<CompletableFuture<Message>> asked = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        asked.add(r.sendAsync(query(name + ".example.test.", Type.A)).toCompletableFuture());
      }
      for (CompletableFuture<Message> f : asked) {
        assertThat(f.get().getRcode()).isEqualTo(Rcode.NOERROR);
      }
    }
  }

  private static Message query(String name, int type) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
  }
}
