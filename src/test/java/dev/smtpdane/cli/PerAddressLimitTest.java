package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --per-address bounds the SMTP sessions open at once to one server address, across the
 * targets of an --input run: six targets on six ports of 127.0.0.1, checked six at a time,
 * share one address. Each server holds a session until as many as the limit are open (so the
 * limit is reached, not merely respected by running one at a time), then a little longer, so
 * that sessions beyond the limit would overlap them, then refuses service.
 */
@Timeout(60)
class PerAddressLimitTest {
  private static final int TARGETS = 6;

  @ParameterizedTest(name = "{0} -> at most {1}")
  @CsvSource({"(default), 4", "--per-address=2, 2", "--per-address=1, 1"})
  void sessionsToOneAddressNeverExceedTheLimit(String option, int limit, @TempDir Path dir)
      throws Exception {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger sessions = new AtomicInteger();
    CountDownLatch limitReached = new CountDownLatch(limit);
    List<ServerSocket> servers = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    try {
      for (int i = 0; i < TARGETS; i++) {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        servers.add(server);
        targets.add("127.0.0.1:" + server.getLocalPort());
        Thread.ofVirtual().start(() -> serve(server, open, most, sessions, limitReached));
      }
      Path list = Files.write(dir.resolve("targets.txt"), targets);
      List<String> args = new ArrayList<>(List.of("-q", "--input", list.toString(),
          "--parallel", Integer.toString(TARGETS), "--timeout", "30s"));
      if (!option.equals("(default)")) {
        args.add(option);
      }
      StringWriter err = new StringWriter();
      // Address literals need no DNS; a resolver that answers nothing makes sure of it.
      int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
          Map.of("DNS_RESOLVER", "127.0.0.1:9"), args.toArray(String[]::new));

      assertThat(exit).as(err.toString()).isNotEqualTo(ExitCode.USAGE);
      assertThat(sessions.get()).as("every target was probed").isEqualTo(TARGETS);
      assertThat(most.get()).as("most sessions open at once").isEqualTo(limit);
    } finally {
      for (ServerSocket s : servers) {
        s.close();
      }
    }
  }

  private static void serve(ServerSocket server, AtomicInteger open, AtomicInteger most,
      AtomicInteger sessions, CountDownLatch limitReached) {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread.ofVirtual().start(() -> {
        boolean counted = true;
        try (s) {
          sessions.incrementAndGet();
          most.accumulateAndGet(open.incrementAndGet(), Math::max);
          limitReached.countDown();
          limitReached.await(20, TimeUnit.SECONDS);
          Thread.sleep(150); // room for a session beyond the limit to show up
          // Counted out before the reply: the client frees its slot only once it has read it.
          open.decrementAndGet();
          counted = false;
          OutputStream out = s.getOutputStream();
          out.write("554 5.3.2 no service here\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException | InterruptedException e) {
          if (counted) {
            open.decrementAndGet(); // the client went away first
          }
        }
      });
    }
  }
}
