package dev.smtpdane.lab;

import java.util.List;
import java.util.Objects;

/**
 * One way DANE for SMTP works or breaks, as the embedded lab serves it (shared/spec/
 * scenarios.md). The demo and the tests run the real command line on {@link #target()} with
 * {@link #arguments()}, pointed at the lab, and compare the outcome with {@link #expected()}.
 *
 * @param name stable short name, e.g. {@code ee-311-good} ({@code smtpdane demo --show NAME})
 * @param description what it tests, in one line
 * @param theme the group it belongs to (DANE-EE, DANE-TA, TLSA records, DNS, SMTP)
 * @param target the command-line argument: a domain (with {@code -mx} or an SRV option) or a
 *     host
 * @param arguments options beyond the resolver and the port, e.g. {@code ["-mx"]}
 * @param expected the outcome the RFCs require
 * @param needsIpv6 true if an SMTP server of the scenario listens on {@code ::1}
 * @param slow true if the check waits for a timeout (seconds, not milliseconds)
 */
public record Scenario(
    String name,
    String description,
    String theme,
    String target,
    List<String> arguments,
    Expectation expected,
    boolean needsIpv6,
    boolean slow) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    arguments = List.copyOf(arguments);
  }
}
