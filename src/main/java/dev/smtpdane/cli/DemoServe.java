package dev.smtpdane.cli;

import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code smtpdane demo --serve}: keeps the lab running until interrupted and says how to point
 * any DANE client at it: the resolver, the trust anchor (also written to a file), the SMTP
 * port and the domains with their expected verdicts.
 */
final class DemoServe {
  private DemoServe() {}

  /** Serves until the JVM is interrupted (Ctrl-C) or this thread is; always closes the lab. */
  static int serve(DaneLab lab, Path anchorFile, PrintWriter out, PrintWriter err) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      lab.close();
      out.println("smtpdane demo: lab stopped");
      out.flush();
      stopped.countDown();
    }, "smtpdane-lab-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      String written = writeAnchor(lab, anchorFile, err);
      describe(lab, written, out);
      stopped.await();
    } catch (InterruptedException e) {
      // Interrupted instead of signalled (an embedding program or a test): stop the same way.
      interrupted = true;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it closes the lab
      }
      lab.close();
    }
    if (interrupted) {
      out.println("smtpdane demo: lab stopped");
      out.flush();
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK;
  }

  /** Writes the anchor; returns where, or why not (the lab is useful without the file). */
  private static String writeAnchor(DaneLab lab, Path file, PrintWriter err) {
    try {
      Files.writeString(file, lab.trustAnchor() + "\n", StandardCharsets.US_ASCII);
      return "written to " + file.toAbsolutePath();
    } catch (IOException e) {
      err.println("smtpdane demo: cannot write the trust anchor to " + file + ": " + e);
      return "NOT written to " + file + " (" + e.getMessage() + ")";
    }
  }

  private static void describe(DaneLab lab, String anchorWritten, PrintWriter out) {
    String resolver = endpoint(lab.resolver());
    String authority = endpoint(lab.authoritative());
    String port = lab.sharedPort().isPresent() ? Integer.toString(lab.sharedPort().getAsInt())
        : "PORT";
    out.println("smtpdane DANE lab running (started in " + DemoTable.seconds(lab.startupTime())
        + "); stop it with Ctrl-C.");
    out.println();
    out.println("DNS");
    out.println("  resolver:      " + resolver + "  (validating, UDP and TCP: AD=1 on secure"
        + " answers, SERVFAIL with an Extended DNS Error on bogus ones, like Unbound)");
    out.println("  authoritative: " + authority + "  (every lab zone, for a validator of your"
        + " own)");
    out.println("  trust anchor:  " + lab.trustAnchor().replaceAll("\\s+", " "));
    out.println("                 (the DS of the lab root \".\", zone-file format; "
        + anchorWritten + ")");
    out.println("SMTP");
    out.println("  " + lab.addressing());
    if (lab.latency().isPositive()) {
      out.println("Latency");
      out.println("  simulated round trip " + lab.latency().toMillis() + " ms: every resolver"
          + " answer, SMTP reply and TLS flight (the greeting: two round trips)");
    }
    bulk(lab, port, out);
    out.println();
    out.println("Try");
    out.println("  smtpdane --resolver " + resolver + " -port " + port + " -mx ee-311-good.test");
    out.println("  dig @" + host(lab.resolver()) + " -p " + lab.resolver().getPort()
        + " +dnssec MX ta-211-intermediate.test        (the ad flag is set)");
    out.println("  Unbound or another validator: forward \".\" to " + authority
        + " and trust the anchor file,");
    out.println("    e.g. forward-zone: name: \".\" forward-addr: " + host(lab.authoritative())
        + "@" + lab.authoritative().getPort() + "  and  trust-anchor-file: \"<anchor file>\"");
    out.println("  then Postfix: posttls-finger -c -l dane \"[mx.ee-311-good.test]:" + port
        + "\"");
    out.println();
    domains(lab, out);
    out.flush();
  }

  private static void bulk(DaneLab lab, String port, PrintWriter out) {
    if (lab.bulkSkipReason().isPresent()) {
      out.println("Bulk domains: not served (" + lab.bulkSkipReason().get() + ")");
    } else if (!lab.bulkDomains().isEmpty()) {
      List<String> names = lab.bulkDomains();
      out.println("Bulk domains");
      out.println("  " + names.size() + " good domains " + names.get(0)
          + (names.size() > 1 ? " ... " + names.get(names.size() - 1) : "") + " (-mx -port "
          + port + "; one per line in a file for --input)");
    }
  }

  private static void domains(DaneLab lab, PrintWriter out) {
    String row = "  %-34s %-42s %-20s %s";
    out.println(String.format(Locale.ROOT, row, "DOMAIN OR HOST", "OPTIONS", "EXPECTED",
        "WHAT IT TESTS"));
    for (Scenario s : lab.scenarios()) {
      boolean served = lab.skipReason(s).isEmpty();
      String options = String.join(" ", s.arguments())
          + (served && lab.sharedPort().isEmpty() ? " -port " + lab.port(s) : "");
      String expected = lab.skipReason(s).map(r -> "(not served: " + r + ")")
          .orElse(s.expected().label());
      out.println(String.format(Locale.ROOT, row, s.target(), options.trim(), expected,
          s.description()));
    }
  }

  static String endpoint(InetSocketAddress a) {
    String h = host(a);
    return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
  }

  private static String host(InetSocketAddress a) {
    return a.getAddress().getHostAddress();
  }
}
