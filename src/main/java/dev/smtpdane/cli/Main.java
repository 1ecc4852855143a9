package dev.smtpdane.cli;

import java.io.PrintWriter;
import java.security.Security;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point: relaxes JSSE's legacy-protocol limits, then hands over to picocli. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LegacyTls.enable();
    System.exit(run(args));
  }

  /** Runs the command line on the process's standard streams and returns the exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams; the end-to-end tests call this. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** The same with a given environment (DNS_RESOLVER, NO_COLOR, SSL_CERT_FILE...). */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env,
      String... args) {
    // A plain check is read without picocli (QuickCommandLine): it starts much faster.
    Optional<RunOptions> quick = QuickCommandLine.parse(args)
        .flatMap(cli -> options(cli, env));
    if (quick.isPresent()) {
      try {
        return Run.execute(quick.get(), out, err);
      } finally {
        out.flush();
        err.flush();
      }
    }
    CommandLine cl = Cli.newCommandLine(env);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The options of a plain check line, or empty for a usage error (picocli words it). */
  private static Optional<RunOptions> options(Cli cli, Map<String, String> env) {
    try {
      return Optional.of(RunOptions.from(cli, env));
    } catch (RuntimeException usageError) {
      return Optional.empty();
    }
  }

  /**
   * Old MTAs still speak TLS 1.0/1.1 or only offer RSA key exchange. We want to connect and
   * report them (as a warning) rather than fail the handshake, so the JDK's disabled list is
   * trimmed before any JSSE class reads it (it is read once per JVM).
   */
  static final class LegacyTls {
    private LegacyTls() {}

    static void enable() {
      String current = Security.getProperty("jdk.tls.disabledAlgorithms");
      if (current == null) {
        return;
      }
      StringBuilder kept = new StringBuilder();
      for (String entry : current.split(",")) {
        String e = entry.trim();
        if (e.isEmpty() || isLegacyEntry(e)) {
          continue;
        }
        if (!kept.isEmpty()) {
          kept.append(", ");
        }
        kept.append(e);
      }
      Security.setProperty("jdk.tls.disabledAlgorithms", kept.toString());
    }

    static boolean isLegacyEntry(String e) {
      return e.equals("TLSv1")
          || e.equals("TLSv1.1")
          || e.startsWith("TLS_RSA_")
          || e.matches("(rsa_pkcs1|ecdsa|dsa)_sha1 usage HandshakeSignature");
    }
  }
}
