package dev.smtpdane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port syntax of the Go tool: a number 1..65535, a service name (looked up in /etc/services,
 * with built-in fallbacks for the mail ports), or {@code name(number)}: the service name if
 * known, else the number.
 */
public final class PortSpec {
  private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9._-]+)(?:\\((\\d+)\\))?");
  /** Mail ports known even without /etc/services (minimal containers lack it). */
  private static final Map<String, Integer> BUILT_IN =
      Map.of("smtp", 25, "submission", 587, "submissions", 465, "smtps", 465, "urd", 465,
          "lmtp", 24);

  private final Supplier<Map<String, Integer>> services;
  private Map<String, Integer> known; // guarded by this: the services once read

  private PortSpec(Supplier<Map<String, Integer>> services) {
    this.services = services;
  }

  /**
   * Uses /etc/services when readable, else the built-in mail ports only. The file is read only
   * when a name that is not built in is asked for (a plain number, or smtp, never needs it).
   */
  public static PortSpec system() {
    return lazily(() -> {
      try {
        return Files.readString(Path.of("/etc/services"));
      } catch (IOException | RuntimeException e) {
        return "";
      }
    });
  }

  /** Reads the services(5) text from {@code file} once, when first needed. */
  static PortSpec lazily(Supplier<String> file) {
    return new PortSpec(() -> parseServices(file.get()));
  }

  /** Builds a resolver from the text of a services(5) file (tests pass their own). */
  public static PortSpec fromServicesFile(String text) {
    Map<String, Integer> map = parseServices(text);
    return new PortSpec(() -> map);
  }

  private static Map<String, Integer> parseServices(String text) {
    Map<String, Integer> map = new HashMap<>(BUILT_IN);
    for (String raw : text.split("\n")) {
      String line = raw.replaceFirst("#.*", "").trim();
      String[] f = line.split("\\s+");
      if (f.length < 2 || !f[1].endsWith("/tcp")) {
        continue;
      }
      Optional<Integer> port = number(f[1].substring(0, f[1].length() - 4));
      if (port.isEmpty()) {
        continue;
      }
      for (int i = 0; i < f.length; i++) {
        if (i != 1) {
          map.putIfAbsent(f[i].toLowerCase(Locale.ROOT), port.get());
        }
      }
    }
    return Map.copyOf(map);
  }

  /** A service's port: the built-in mail ports win over the file, as when it is read whole. */
  private Integer lookup(String name) {
    Integer builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn;
    }
    synchronized (this) {
      if (known == null) {
        known = services.get();
      }
      return known.get(name);
    }
  }

  /** Parses a port spec; throws IllegalArgumentException with an operator-readable message. */
  public int parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty port");
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return inRange(s, s);
    }
    Matcher m = SPEC.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid port '" + spec + "'");
    }
    Integer port = lookup(m.group(1).toLowerCase(Locale.ROOT));
    if (port != null) {
      return port;
    }
    if (m.group(2) != null) {
      return inRange(m.group(2), spec);
    }
    throw new IllegalArgumentException("unknown service name '" + spec + "'");
  }

  private static int inRange(String digits, String spec) {
    Optional<Integer> n = number(digits);
    if (n.isEmpty() || n.get() < 1 || n.get() > 65535) {
      throw new IllegalArgumentException("port out of range (1-65535): '" + spec + "'");
    }
    return n.get();
  }

  private static Optional<Integer> number(String digits) {
    if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }
}
