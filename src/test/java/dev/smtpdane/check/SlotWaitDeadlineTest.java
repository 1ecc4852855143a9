package dev.smtpdane.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.discover.DiscoveryRequest;
import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.RunReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk mode: targets share one server address with one connection slot. The first target's
 * session holds the slot until the test lets it go; meanwhile the others queue for it, and the
 * checker's clock is moved past --timeout, as if a slow shared MX had held the slot that long.
 * A queued target of many must not be charged for that wait; a single run's deadline covers
 * it, and so does the bound of a bulk run. No sleeps decide anything: latches and the moved
 * clock do, and the SMTP server answers the queued sessions at once.
 */
@Timeout(60)
class SlotWaitDeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final DnsLookup NO_DNS = (name, type) -> {
    throw new AssertionError("no DNS lookup expected: " + name);
  };

  /** How a queued target is run, and what its probe must come to. */
  enum Run {
    /** --input: one target of many, the run bound far away. */
    ONE_OF_MANY,
    /** --input, but the bound of the whole run passes while the probe waits. */
    ONE_OF_MANY_PAST_BOUND,
    /** One check: --timeout is the deadline of everything, waiting included. */
    SINGLE
  }

  @ParameterizedTest(name = "{0}: queued targets get {1}")
  @CsvSource({
    "ONE_OF_MANY,            GREETING_BAD",
    "ONE_OF_MANY_PAST_BOUND, RUN_DEADLINE",
    "SINGLE,                 RUN_DEADLINE",
  })
  void waitingForASlotAnotherTargetHoldsIsNotChargedToTheTarget(Run how, FindingCode expected)
      throws Exception {
    MovableClock clock = new MovableClock();
    CheckSettings settings = new CheckSettings("checker.invalid", TIMEOUT, TIMEOUT, TIMEOUT,
        TIMEOUT, Optional.empty(), 8, 1, Duration.ZERO, false);
    Checker checker = new Checker(NO_DNS, settings, clock, r -> Optional.empty(), "test");
    Instant bound = clock.instant().plus(how == Run.ONE_OF_MANY ? Duration.ofHours(1)
        : Duration.ofSeconds(5));
    try (HoldingSmtpServer server = new HoldingSmtpServer();
        ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
      DiscoveryRequest target = DiscoveryRequest.hosts(List.of(HostSpec.parse(
          "127.0.0.1:" + server.address().getPort())));
      Future<RunReport> first = runs.submit(() -> checker.run(target, Map.of(), bound));
      assertThat(server.firstConnected.await(30, TimeUnit.SECONDS)).isTrue();
      List<Future<RunReport>> queued = List.of(
          runs.submit(() -> run(checker, how, target, bound)),
          runs.submit(() -> run(checker, how, target, bound)));
      InetAddress address = server.address().getAddress();
      while (checker.limits().waiting(address) < queued.size()) {
        Thread.sleep(5); // a state to reach, not a duration to measure
      }
      clock.advance(TIMEOUT.plusSeconds(1));
      server.release.countDown();
      for (Future<RunReport> f : queued) {
        List<FindingCode> codes = f.get(30, TimeUnit.SECONDS).allFindings().stream()
            .map(Finding::code).toList();
        assertThat(codes).contains(expected);
        if (expected != FindingCode.RUN_DEADLINE) {
          assertThat(codes).doesNotContain(FindingCode.RUN_DEADLINE, FindingCode.TIMEOUT);
        }
      }
      assertThat(first.get(30, TimeUnit.SECONDS).domains()).hasSize(1);
      assertThat(server.sessions.get()).isEqualTo(how == Run.ONE_OF_MANY ? 3 : 1);
    }
  }

  private static RunReport run(Checker checker, Run how, DiscoveryRequest target,
      Instant bound) {
    return how == Run.SINGLE ? checker.run(target, Map.of()) : checker.run(target, Map.of(),
        bound);
  }

  /** The system clock, moved on by the test. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration d) {
      offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * An SMTP server on loopback that holds its first session until released, then refuses it
   * with 554, and refuses every later session with 554 at once.
   */
  private static final class HoldingSmtpServer implements AutoCloseable {
    final CountDownLatch firstConnected = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger sessions = new AtomicInteger();
    private final ServerSocket socket;

    HoldingSmtpServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      Thread.ofVirtual().start(this::accept);
    }

    InetSocketAddress address() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          boolean first = sessions.getAndIncrement() == 0;
          Thread.ofVirtual().start(() -> serve(s, first));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket s, boolean first) {
      try (s; OutputStream out = s.getOutputStream()) {
        if (first) {
          firstConnected.countDown();
          release.await(30, TimeUnit.SECONDS);
        }
        out.write("554 5.3.2 not now\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException | InterruptedException e) {
        // the client went away; nothing to serve
      }
    }

    @Override
    public void close() throws IOException {
      release.countDown();
      socket.close();
    }
  }
}
