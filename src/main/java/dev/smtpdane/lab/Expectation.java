package dev.smtpdane.lab;

import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Verdict;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the RFCs say the tool must answer for a scenario: never what the tool happens to say.
 *
 * @param verdict the verdict of the command-line target (the domain, or the host in host mode)
 * @param exitCode the exit code without {@code -nagios}: 0 only when nothing is a warning or
 *     an error (shared/spec/cli.md)
 * @param codes codes that must all appear in the JSON output, as a finding or as the result of
 *     a TLSA record against a session
 * @param anyOf if not empty, at least one of these codes must appear (for outcomes that two
 *     mechanisms race to report, such as a read timeout and the run deadline)
 * @param hosts verdicts that individual hosts must have, by host name
 */
public record Expectation(
    Verdict verdict,
    int exitCode,
    Set<FindingCode> codes,
    Set<FindingCode> anyOf,
    Map<String, Verdict> hosts) {
  public Expectation {
    Objects.requireNonNull(verdict, "verdict");
    codes = Set.copyOf(codes);
    anyOf = Set.copyOf(anyOf);
    hosts = Map.copyOf(hosts);
  }

  /** "verified, exit 0": how the demo prints an expected or an actual outcome. */
  public static String label(Verdict verdict, int exitCode) {
    return verdict.label() + ", exit " + exitCode;
  }

  public String label() {
    return label(verdict, exitCode);
  }

  /** Whether an actual outcome agrees with this expectation (the codes are not checked here). */
  public boolean agrees(Verdict actualVerdict, int actualExit) {
    return verdict == actualVerdict && exitCode == actualExit;
  }
}
