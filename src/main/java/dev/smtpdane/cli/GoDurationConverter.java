package dev.smtpdane.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/**
 * {@link GoDuration} for picocli's options. A class of its own: a class that implements a
 * picocli interface cannot be held in the JDK's AOT cache (picocli's class files are Java 5),
 * and every check formats durations with {@link GoDuration}.
 */
final class GoDurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return GoDuration.parse(value);
  }
}
