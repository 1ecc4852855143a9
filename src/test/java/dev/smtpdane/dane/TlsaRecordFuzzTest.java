package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.fuzz.Fuzz;
import dev.smtpdane.fuzz.Mutations;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 fuzzing of TLSA presentation parsing: a record or an IllegalArgumentException, and a
 * record parsed once reads back the same from its own presentation form.
 */
class TlsaRecordFuzzTest {

  private static void parseAndRoundTrip(String text) {
    TlsaRecord r = TlsaRecord.parse(text);
    assertThat(TlsaRecord.parse(r.toString())).isEqualTo(r);
    assertThat(r.mnemonic()).isNotBlank();
    assertThat(r.dataLength()).isEqualTo(r.data().length);
  }

  @Test
  void mutatedRecordsParseOrAreRejected() {
    Fuzz.check("tlsa-mutated", Fuzz.tries(5000), Mutations.text(Fuzz.seedLines("tlsa")),
        TlsaRecordFuzzTest::parseAndRoundTrip, IllegalArgumentException.class);
  }

  @Test
  void randomFieldsParseOrAreRejected() {
    List<String> fields = List.of("0", "1", "2", "3", "255", "256", "-1", "007", "DANE-EE",
        "dane-ta", "SPKI", "Cert", "SHA2-256", "sha2-512", "Full", "PrivCert", "١", "");
    Function<Random, String> gen = r -> {
      StringBuilder s = new StringBuilder();
      int n = r.nextInt(7);
      for (int i = 0; i < n; i++) {
        s.append(r.nextInt(3) == 0 ? Mutations.randomText(20).apply(r)
            : fields.get(r.nextInt(fields.size())));
        s.append(r.nextBoolean() ? " " : "\t ");
      }
      if (r.nextBoolean()) {
        byte[] data = new byte[r.nextInt(70)];
        r.nextBytes(data);
        s.append(java.util.HexFormat.of().formatHex(data));
      }
      return s.toString();
    };
    Fuzz.check("tlsa-fields", Fuzz.tries(5000), gen, TlsaRecordFuzzTest::parseAndRoundTrip,
        IllegalArgumentException.class);
  }
}
