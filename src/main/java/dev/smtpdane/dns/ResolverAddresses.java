package dev.smtpdane.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the resolvers are: parses {@code --resolver} / {@code DNS_RESOLVER} values and the
 * {@code nameserver} lines of resolv.conf. Only IP literals are accepted: resolving a resolver's
 * name would need a resolver.
 */
public final class ResolverAddresses {
  static final int DNS_PORT = 53;
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  private ResolverAddresses() {}

  /**
   * Picks the resolvers in order of precedence: the {@code --resolver} values, else the
   * {@code DNS_RESOLVER} environment value, else resolv.conf (read only if needed).
   *
   * @throws IllegalArgumentException for a malformed value, or when nothing names a resolver
   */
  public static List<InetSocketAddress> select(
      List<String> options, String environment, Supplier<String> resolvConf) {
    List<InetSocketAddress> chosen = new ArrayList<>();
    for (String option : options) {
      chosen.addAll(parseList(option));
    }
    if (chosen.isEmpty() && environment != null && !environment.isBlank()) {
      chosen.addAll(parseList(environment));
    }
    if (chosen.isEmpty()) {
      String conf = resolvConf.get();
      chosen.addAll(fromResolvConf(conf == null ? "" : conf));
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "no DNS resolver configured: use --resolver, DNS_RESOLVER, or nameserver lines in"
              + " /etc/resolv.conf");
    }
    return List.copyOf(chosen);
  }

  /**
   * Parses a list such as {@code "127.0.0.1, 192.0.2.53:5353 [2001:db8::53]:53 ::1"}: entries
   * {@code ip}, {@code ip:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 literal,
   * separated by commas or white space. The port defaults to 53.
   *
   * @throws IllegalArgumentException naming the entry that is not an address
   */
  public static List<InetSocketAddress> parseList(String list) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String entry : SEPARATORS.split(list.strip())) {
      if (!entry.isEmpty()) {
        out.add(parse(entry));
      }
    }
    return List.copyOf(out);
  }

  /** Parses one entry of a resolver list (see {@link #parseList}). */
  public static InetSocketAddress parse(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw bad(entry, "missing ']'");
      }
      String rest = entry.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw bad(entry, "expected ':port' after ']'");
      }
      int port = rest.isEmpty() ? DNS_PORT : port(entry, rest.substring(1));
      return new InetSocketAddress(literal(entry, entry.substring(1, close)), port);
    }
    int colon = entry.indexOf(':');
    if (colon >= 0 && colon == entry.lastIndexOf(':')) {
      InetAddress host = literal(entry, entry.substring(0, colon));
      return new InetSocketAddress(host, port(entry, entry.substring(colon + 1)));
    }
    return new InetSocketAddress(literal(entry, entry), DNS_PORT);
  }

  /**
   * The {@code nameserver} addresses of a resolv.conf, given as its contents so that tests
   * never read the machine's file. Malformed lines are skipped, as the C library does.
   */
  public static List<InetSocketAddress> fromResolvConf(String contents) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String line : contents.split("\\R")) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        try {
          out.add(new InetSocketAddress(literal(words[1], words[1]), DNS_PORT));
        } catch (IllegalArgumentException skipped) {
          // resolv(5): an unparsable nameserver line is ignored
        }
      }
    }
    return List.copyOf(out);
  }

  private static InetAddress literal(String entry, String text) {
    return AddressLiteral.parse(text)
        .orElseThrow(() -> bad(entry,
            "not an IP address (resolvers are given by address, not by name)"));
  }

  private static int port(String entry, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw bad(entry, "port \"" + text + "\" is not a number from 1 to 65535");
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException("resolver \"" + entry + "\": " + why);
  }
}
