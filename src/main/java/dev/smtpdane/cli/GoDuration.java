package dev.smtpdane.cli;

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
  private static final Pattern PART =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
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
    BigInteger nanos = BigInteger.ZERO;
    int at = 0;
    while (at < s.length()) {
      // lookingAt, not find: find would rescan the rest of the input at every part (cubic).
      if (!m.region(at, s.length()).lookingAt()) {
        throw invalid(value);
      }
      nanos = nanos.add(partNanos(m.group(1), unitNanos(m.group(2))));
      at = m.end();
    }
    BigInteger whole = nanos;
    if (whole.compareTo(MAX_NANOS) > 0) {
      throw new TypeConversionException("duration out of range: '" + value + "'");
    }
    Duration d = Duration.ofNanos(whole.longValueExact());
    return negative ? d.negated() : d;
  }

  /**
   * One part's nanoseconds, a fraction of a nanosecond dropped (as Go does, per part). BigInteger,
   * not BigDecimal: BigDecimal's class initialiser costs a one-shot check ~20 ms of CPU (issue 9).
   */
  private static BigInteger partNanos(String number, BigInteger unit) {
    int dot = number.indexOf('.');
    if (dot < 0) {
      return new BigInteger(number).multiply(unit);
    }
    String whole = number.substring(0, dot);
    String fraction = number.substring(dot + 1);
    BigInteger nanos = whole.isEmpty() ? BigInteger.ZERO : new BigInteger(whole).multiply(unit);
    if (fraction.isEmpty()) {
      return nanos;
    }
    return nanos.add(
        new BigInteger(fraction).multiply(unit).divide(BigInteger.TEN.pow(fraction.length())));
  }

  private static BigInteger unitNanos(String unit) {
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
    return BigInteger.valueOf(n);
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
      return sign + decimal(nanos, 3) + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return sign + decimal(nanos, 6) + "ms";
    }
    long hours = a.toHours();
    long minutes = a.toMinutesPart();
    String seconds = decimal(nanos % 60_000_000_000L, 9) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  /**
   * {@code value / 10^scale} in the shortest plain decimal ("1.5", "250"), with long arithmetic:
   * BigDecimal's class initialiser alone costs a one-shot check ~20 ms of CPU (issue 9).
   */
  private static String decimal(long value, int scale) {
    long unit = 1;
    for (int i = 0; i < scale; i++) {
      unit *= 10;
    }
    long fraction = value % unit;
    if (fraction == 0) {
      return Long.toString(value / unit);
    }
    String digits = Long.toString(unit + fraction).substring(1); // zero-padded to scale digits
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return value / unit + "." + digits.substring(0, end);
  }
}
