package dev.smtpdane.discover;

import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.AddressLiteral;
import dev.smtpdane.dns.DomainName;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.xbill.DNS.Name;

/**
 * One command-line argument: a host or domain name, or an IP literal, with an optional port.
 * Accepted forms: {@code host}, {@code host:port}, {@code [v6addr]}, {@code [v6addr]:port}, a
 * bare IPv6 literal, an IPv4 literal with or without {@code :port}. Ports are numbers 1-65535
 * here; port names ({@code smtp}, {@code submission(587)}) are resolved by the command line.
 *
 * @param input the argument as given
 * @param name the canonical DNS name, when the argument is a name
 * @param address the address, when the argument is an IP literal
 * @param port the port given in the argument, if any
 */
public record HostSpec(
    String input, Optional<Name> name, Optional<InetAddress> address, OptionalInt port) {
  public HostSpec {
    Objects.requireNonNull(input, "input");
    if (name.isPresent() == address.isPresent()) {
      throw new IllegalArgumentException("a host is a name or an address, not both or neither");
    }
  }

  /**
   * Parses one argument.
   *
   * @throws IllegalArgumentException saying what is wrong (bad name, bad port, bad literal)
   */
  public static HostSpec parse(String argument) {
    String text = argument.strip();
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw bad(argument, "missing ']' after the IPv6 address");
      }
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw bad(argument, "expected ':port' after ']'");
      }
      InetAddress address = AddressLiteral.parse(text.substring(1, close))
          .orElseThrow(() -> bad(argument, "not an IP address inside [ ]"));
      OptionalInt port = rest.isEmpty() ? OptionalInt.empty() : port(argument, rest.substring(1));
      return new HostSpec(argument, Optional.empty(), Optional.of(address), port);
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && colon != text.lastIndexOf(':')) {
      InetAddress address = AddressLiteral.parse(text)
          .orElseThrow(() -> bad(argument, "not an IPv6 address (write [v6addr]:port for a port)"));
      return new HostSpec(argument, Optional.empty(), Optional.of(address), OptionalInt.empty());
    }
    String host = colon < 0 ? text : text.substring(0, colon);
    OptionalInt port = colon < 0 ? OptionalInt.empty() : port(argument, text.substring(colon + 1));
    Optional<InetAddress> literal = AddressLiteral.parse(host);
    if (literal.isPresent()) {
      return new HostSpec(argument, Optional.empty(), literal, port);
    }
    try {
      return new HostSpec(argument, Optional.of(DomainName.parse(host)), Optional.empty(), port);
    } catch (IllegalArgumentException e) {
      throw bad(argument, e.getMessage());
    }
  }

  /** True when the argument is an IP address rather than a name. */
  public boolean isAddress() {
    return address.isPresent();
  }

  /** The host as people write it: the name without trailing dot, or the address. */
  public String display() {
    return name.map(DomainName::text).orElseGet(() -> AddressText.of(address.orElseThrow()));
  }

  private static OptionalInt port(String argument, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return OptionalInt.of(port);
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw bad(argument, "port \"" + text + "\" is not a number from 1 to 65535");
  }

  private static IllegalArgumentException bad(String argument, String why) {
    return new IllegalArgumentException("\"" + argument + "\": " + why);
  }
}
