package dev.smtpdane.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/**
 * Go's time.ParseDuration syntax, so existing command lines keep working: an optional sign,
 * then one or more decimal numbers each with a unit (ns, us, µs, μs, ms, s, m, h); a bare "0"
 * is allowed. Output uses Go's format too ("72h0m0s").
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  /** Longer than any duration a person types ("2562047h47m16.854775807s" is 24). */
  private static final int MAX_LENGTH = 64;
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  /** Parses a Go duration; throws TypeConversionException with a message naming the input. */
  public static Duration parse(String value) {
    String s = value == null ? "" : value.trim();
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      throw invalid(value);
    }
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length()) {
      // lookingAt, not find: find would rescan the rest of the input at every part (cubic).
      if (!m.region(at, s.length()).lookingAt()) {
        throw invalid(value);
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
      at = m.end();
    }
    BigInteger whole = nanos.toBigInteger();
    if (whole.compareTo(MAX_NANOS) > 0) {
      throw new TypeConversionException("duration out of range: '" + value + "'");
    }
    Duration d = Duration.ofNanos(whole.longValueExact());
    return negative ? d.negated() : d;
  }

  private static BigDecimal unitNanos(String unit) {
    long n =
        switch (unit) {
          case "ns" -> 1L;
          case "us", "µs", "μs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> throw new IllegalStateException(unit);
        };
    return BigDecimal.valueOf(n);
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException(
        "invalid duration '" + value + "' (use Go syntax such as 10s, 1m30s, 72h, 500ms)");
  }

  /** Formats like Go's Duration.String(): "72h0m0s", "1m30s", "1.5s", "250ms", "0s". */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    long nanos = a.toNanos();
    if (nanos < 1_000L) {
      return sign + nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return sign + trim(BigDecimal.valueOf(nanos, 3)) + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return sign + trim(BigDecimal.valueOf(nanos, 6)) + "ms";
    }
    long hours = a.toHours();
    long minutes = a.toMinutesPart();
    String seconds = trim(BigDecimal.valueOf(nanos % 60_000_000_000L, 9)) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  private static String trim(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
