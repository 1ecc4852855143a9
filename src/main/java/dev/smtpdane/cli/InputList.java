package dev.smtpdane.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --input FILE}: one target per line; blank lines and {@code #} comments ignored. */
final class InputList {
  /** A sane bound: a list longer than this is almost certainly the wrong file. */
  static final int MAX_TARGETS = 100_000;

  private InputList() {}

  /** @throws IllegalArgumentException for an unreadable file or one with too many lines */
  static List<String> read(String file) {
    try (Reader r = file.equals("-")
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return parse(new BufferedReader(r));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static List<String> parse(BufferedReader in) throws IOException {
    List<String> targets = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      int hash = line.indexOf('#');
      String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (targets.size() == MAX_TARGETS) {
        throw new IllegalArgumentException("more than " + MAX_TARGETS + " targets");
      }
      targets.add(t);
    }
    return targets;
  }
}
