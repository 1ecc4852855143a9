package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.fuzz.Fuzz;
import dev.smtpdane.fuzz.Mutations;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;

/**
 * Issue 8 fuzzing of user-typed names: a name within RFC 1035 limits, in lower-case A-labels,
 * that reads back as itself; or an IllegalArgumentException.
 */
class DomainNameFuzzTest {

  @Test
  void namesParseWithinLimitsOrAreRejected() {
    Function<Random, String> mutated = Mutations.text(Fuzz.seedLines("domain-name"));
    Function<Random, String> random = Mutations.randomText(300);
    Fuzz.check("domain-name", Fuzz.tries(6000),
        r -> r.nextInt(4) == 0 ? random.apply(r) : mutated.apply(r), text -> {
          Name n = DomainName.parse(text);
          assertThat(n.isAbsolute()).isTrue();
          assertThat((int) n.length()).isLessThanOrEqualTo(255);
          for (int i = 0; i < n.labels() - 1; i++) {
            assertThat(n.getLabel(i).length - 1).isBetween(1, 63);
          }
          String shown = DomainName.text(n);
          assertThat(shown).isEqualTo(shown.toLowerCase(java.util.Locale.ROOT));
          assertThat(DomainName.parse(shown)).isEqualTo(n);
        }, IllegalArgumentException.class);
  }

  /** Inputs of the kind the fuzzer found: a backslash escape gave a relative name. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"f\\", "a\\.b.test", "mx\\046test", "a b.test", "mx\ttest",
      "<script>.test", "a;b.test", "@", "a(b).test"})
  void escapesAndNonHostCharactersAreRejected(String input) {
    assertThatThrownBy(() -> DomainName.parse(input))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains");
  }

  @Test
  void overlongUnicodeInputIsAnIllegalArgumentNotABareRuntimeException() {
    // java.net.IDN throws a bare RuntimeException ("input too long") past 1,024 units.
    assertThatThrownBy(() -> DomainName.parse("bücher".repeat(300) + ".test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid IDN");
  }
}
