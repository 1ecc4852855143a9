package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dane package is pure (style.md §11): no network, files, threads, logging or wall clock.
 * This scans its sources, so a new class cannot quietly bring any of that in.
 */
class DanePurityTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/smtpdane/dane");

  /** Forbidden in dane sources, whether imported or written fully qualified. */
  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\bjava\\.net\\b"),
          Pattern.compile("\\bjavax\\.net\\b"),
          Pattern.compile("\\bjava\\.io\\.File"), // also FileInputStream, FileReader...
          Pattern.compile("\\bjava\\.nio\\.file\\b"),
          Pattern.compile("\\bjava\\.nio\\.channels\\b"),
          Pattern.compile("\\bjava\\.util\\.concurrent\\b"),
          Pattern.compile("\\bjava\\.util\\.logging\\b"),
          Pattern.compile("\\borg\\.slf4j\\b"),
          Pattern.compile("\\bInstant\\s*\\.\\s*now\\s*\\("),
          Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\s*\\("),
          Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b"),
          Pattern.compile("\\bClock\\s*\\.\\s*system"),
          Pattern.compile("\\bnew\\s+Thread\\b"));

  @Test
  void danePackageDoesNoIoAndReadsNoClock() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).as("dane sources found").hasSizeGreaterThan(5);
    List<String> violations = new ArrayList<>();
    for (Path f : files) {
      violations.addAll(violations(f.getFileName().toString(), Files.readString(f)));
    }
    assertThat(violations).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "import java.net.InetAddress;",
        "import javax.net.ssl.SSLSocket;",
        "import java.io.File;",
        "import java.io.FileInputStream;",
        "import java.nio.file.Files;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import java.util.concurrent.*;",
        "Instant t = Instant.now();",
        "long t = System.currentTimeMillis();",
        "var a = java.net.InetAddress.getLoopbackAddress();",
        "System.out.println(x);",
        "import org.slf4j.Logger;"
      })
  void scannerCatchesForbiddenUse(String line) {
    assertThat(violations("X.java", "package dev.smtpdane.dane;\n" + line + "\n")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "import java.io.ByteArrayInputStream;",
        "import java.time.Instant;",
        "Instant notAfter = cert.getNotAfter().toInstant();",
        "import java.util.List;"
      })
  void scannerAllowsPureCode(String line) {
    assertThat(violations("X.java", "package dev.smtpdane.dane;\n" + line + "\n")).isEmpty();
  }

  private static List<String> violations(String file, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (Pattern p : FORBIDDEN) {
        if (p.matcher(lines[i]).find()) {
          found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    return found;
  }
}
