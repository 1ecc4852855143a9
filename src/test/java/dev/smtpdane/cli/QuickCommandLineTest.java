package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link QuickCommandLine} reads every line it accepts exactly as picocli does (every option
 * field, then the validated options), accepts nothing picocli rejects, and leaves to picocli
 * what it must: help, version, subcommands, argument files, standard input, odd shapes.
 */
class QuickCommandLineTest {
  private static final List<String> FLAGS = List.of("-mx", "--mx", "-submission",
      "--submissions", "-tls-on-connect", "-4", "--6", "-validate", "--expect-ocsp",
      "-nocertnames", "-quiet", "-q", "--terse", "-nagios", "--json", "-json", "-nocolor",
      "-show-cert-info", "--showcerts", "-debug");
  private static final List<String> VALUED = List.of("-srv", "--srv", "-port", "--port", "-p",
      "-aka", "--aka", "-helo", "-connect-timeout", "--read-timeout", "-read-timeout",
      "--timeout", "-timeout", "-proxy-tcp", "--dnssec", "-dnssec", "--trust-anchor",
      "--parallel", "-parallel", "--per-address", "-per-address", "--resolver", "-resolver",
      "-expiration-warning");
  private static final List<String> VALUES = List.of("25", "smtp", "smtp(25)", "0", "-1", "",
      "10s", "1m30s", "0s", "-5s", "abc", "trust-ad", "validate", "VALIDATE", "1024", "99999",
      "64", "65",
      "127.0.0.1:53", "[::1]:5353", "socks5://127.0.0.1:1080", "mail.example.org",
      "[192.0.2.1]", "submission", "x y", "/nonexistent/anchor.ds", "-mx", "@args");
  private static final List<String> TARGETS = List.of("example.org", "mx.example.org:25",
      "[::1]:25", "127.0.0.1", "mx.example.org:smtp", "demo", "@args", "-", "--",
      "Example.ORG.", "bad..name");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "-nagios -mx --resolver 127.0.0.1:5353 -port 2525 example.org",
    "-mx example.org",
    "mx.example.org",
    "--json -mx -aka a.example.org --aka b.example.org example.org example.net",
    "-port=587 -submission example.org",
    "--timeout=5s --read-timeout 2s -connect-timeout 1s -expiration-warning 0 x.example",
    "--dnssec validate -4 -helo mail.example.org -q -terse example.org",
    "--resolver 127.0.0.1 --resolver [::1]:53 -parallel 4 -show-cert-info example.org",
    "-per-address 16 -mx example.org",
  })
  void plainLinesAreReadAsPicocliReadsThem(String line) throws Exception {
    String[] args = line.split(" ");
    assertThat(QuickCommandLine.parse(args)).isPresent();
    assertSameAsPicocli(args);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "-help", "--version", "-mx -h example.org", "demo --serve", "-nocolor demo",
    "@args", "--input list.txt", "-input=- -mx", "-mx -mx example.org",
    "-port 25 -port 26 x", "-46 example.org", "-p25 example.org", "-port", "-port -1 x",
    "-port= x", "--json=true x", "-- -mx", "-mx - example.org", "--unknown x",
    "--srv=@file x", "_aot-train",
  })
  void otherShapesAreLeftToPicocli(String line) {
    assertThat(QuickCommandLine.parse(line.split(" "))).isEmpty();
  }

  @Test
  void randomLinesAreReadAsPicocliReadsThemOrLeftToIt() throws Exception {
    Random r = new Random(9);
    int accepted = 0;
    for (int i = 0; i < 4000; i++) {
      String[] args = randomLine(r);
      if (QuickCommandLine.parse(args).isPresent()) {
        accepted++;
        assertSameAsPicocli(args);
      }
    }
    assertThat(accepted).as("lines the quick reader accepted").isGreaterThan(500);
  }

  private static String[] randomLine(Random r) {
    List<String> args = new ArrayList<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> args.add(pick(r, FLAGS));
        case 1 -> {
          args.add(pick(r, VALUED));
          args.add(pick(r, VALUES));
        }
        case 2 -> args.add(pick(r, VALUED) + "=" + pick(r, VALUES));
        default -> args.add(pick(r, TARGETS));
      }
    }
    return args.toArray(String[]::new);
  }

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** Picocli reads the line too, into the same fields and the same options (or error). */
  private static void assertSameAsPicocli(String[] args) throws Exception {
    Cli quick = QuickCommandLine.parse(args).orElseThrow();
    CommandLine cl = Cli.newCommandLine(Map.of());
    cl.parseArgs(args); // throws if picocli rejects a line the quick reader accepted
    Cli slow = cl.getCommand();
    for (Field f : Cli.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")
          || f.getName().equals("environment")) {
        continue;
      }
      f.setAccessible(true);
      assertThat(f.get(quick)).as("%s in %s", f.getName(), String.join(" ", args))
          .isEqualTo(f.get(slow));
    }
    assertThat(outcome(quick)).as(String.join(" ", args)).isEqualTo(outcome(slow));
  }

  /**
   * The validated options, or that the line is a usage error. (Main then hands a line the
   * quick reader accepted but RunOptions rejects to picocli, which words the error itself.)
   */
  private static String outcome(Cli c) {
    try {
      return RunOptions.from(c, Map.of()).toString();
    } catch (RuntimeException e) {
      return "usage error";
    }
  }
}
