package dev.smtpdane.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --dnssec trust-ad|validate}. */
final class DnssecModeConverter implements ITypeConverter<Cli.DnssecMode> {
  @Override
  public Cli.DnssecMode convert(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "trust-ad" -> Cli.DnssecMode.TRUST_AD;
      case "validate" -> Cli.DnssecMode.VALIDATE;
      default -> throw new TypeConversionException(
          "invalid DNSSEC mode '" + value + "' (use trust-ad or validate)");
    };
  }
}
