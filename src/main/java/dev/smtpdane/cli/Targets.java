package dev.smtpdane.cli;

import dev.smtpdane.discover.HostSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line targets to {@link HostSpec}s. The Go tool accepts service names as ports in
 * arguments too ({@code mx.example.org:submission}); those become numbers here, so discovery
 * only ever sees numeric ports.
 */
final class Targets {
  private Targets() {}

  /** @throws IllegalArgumentException naming the argument and the problem */
  static List<HostSpec> parse(List<String> arguments, PortSpec ports) {
    List<HostSpec> out = new ArrayList<>();
    for (String a : arguments) {
      out.add(HostSpec.parse(numericPort(a, ports)));
    }
    return List.copyOf(out);
  }

  static String numericPort(String argument, PortSpec ports) {
    String s = argument.strip();
    int split;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      split = close >= 0 && s.startsWith(":", close + 1) ? close + 1 : -1;
    } else {
      split = s.indexOf(':') == s.lastIndexOf(':') ? s.indexOf(':') : -1;
    }
    if (split < 0) {
      return s;
    }
    String port = s.substring(split + 1);
    if (port.chars().allMatch(Character::isDigit)) {
      return s;
    }
    try {
      return s.substring(0, split + 1) + ports.parse(port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + argument + "\": " + e.getMessage(), e);
    }
  }
}
