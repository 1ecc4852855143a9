package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.fuzz.Fuzz;
import dev.smtpdane.fuzz.Mutations;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Issue 8 fuzzing of the command-line parsers: host specs with ports, durations, port specs and
 * whole option values. Each input gives a value or the documented exception, and whatever is
 * accepted is in range.
 */
class ArgumentFuzzTest {
  private static final PortSpec PORTS = PortSpec.fromServicesFile(
      "smtp 25/tcp mail\nsubmission 587/tcp\nimap 143/tcp\nhttp 80/tcp www\n");

  private static Function<Random, String> mutatedOrRandom(String corpus) {
    Function<Random, String> mutated = Mutations.text(Fuzz.seedLines(corpus));
    Function<Random, String> random = Mutations.randomText(80);
    return r -> r.nextInt(4) == 0 ? random.apply(r) : mutated.apply(r);
  }

  @Test
  void hostSpecsParseOrAreRejected() {
    Fuzz.check("host-spec", Fuzz.tries(6000), mutatedOrRandom("host-spec"), arg -> {
      HostSpec h = HostSpec.parse(Targets.numericPort(arg, PORTS));
      h.port().ifPresent(p -> assertThat(p).isBetween(1, 65535));
      h.name().ifPresent(n -> {
        assertThat(n.length()).isLessThanOrEqualTo((short) 255);
        assertThat(DomainName.parse(DomainName.text(n))).isEqualTo(n);
      });
      assertThat(h.display()).isNotBlank();
    }, IllegalArgumentException.class);
  }

  @Test
  void durationsParseOrAreRejected() {
    Fuzz.check("duration", Fuzz.tries(6000), mutatedOrRandom("duration"), text -> {
      var d = GoDuration.parse(text);
      assertThat(GoDuration.parse(GoDuration.format(d))).isEqualTo(d);
    }, TypeConversionException.class);
  }

  @Test
  void portSpecsParseOrAreRejected() {
    Fuzz.check("port", Fuzz.tries(6000), mutatedOrRandom("port"),
        text -> assertThat(PORTS.parse(text)).isBetween(1, 65535),
        IllegalArgumentException.class);
  }

  @Test
  void optionValuesGiveOptionsOrAUsageError() {
    List<String> options = List.of("-port", "-srv", "-helo", "-aka", "-connect-timeout",
        "--read-timeout", "--timeout", "-expiration-warning", "-proxy-tcp", "--resolver");
    Function<Random, String> value = Mutations.randomText(40);
    Function<Random, String> target = mutatedOrRandom("host-spec");
    Function<Random, String[]> gen = r -> new String[] {
        options.get(r.nextInt(options.size())), value.apply(r), target.apply(r)};
    Fuzz.check("options", Fuzz.tries(1500), gen, args -> {
      CommandLine cl = Cli.newCommandLine();
      cl.parseArgs(args);
      RunOptions o = RunOptions.from(cl.getCommand(), Map.of());
      assertThat(o.targets()).hasSize(1);
      assertThat(o.defaultPort()).isBetween(1, 65535);
    }, ParameterException.class);
  }

  @Test
  void longDigitRunsInADurationAreRejectedWithinTheTryBound() {
    // Found by the fuzzer: Matcher.find rescanned the rest at every part, cubic in the length.
    String digits = "1\n" + "5".repeat(800);
    Fuzz.check("duration-digits", 1, r -> digits, GoDuration::parse,
        TypeConversionException.class);
    Fuzz.check("duration-long", 1, r -> "1s".repeat(5_000), GoDuration::parse,
        TypeConversionException.class);
  }
}
