package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher's AOT training: its lab runs in a JVM of its own (so lab classes stay out of the
 * cache every check loads), a real check against it verifies, and the whole training succeeds
 * (a failing training would leave every run without the cache).
 */
@Timeout(120)
class AotTrainingTest {
  @Test
  void trainingLabRunsInItsOwnJvmAndItsDomainVerifies() throws Exception {
    try (TrainingLab lab = TrainingLab.start()) {
      assertThat(lab.separateJvm()).isTrue();
      StringWriter out = new StringWriter();
      int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-nagios",
          "--resolver", lab.resolver(), "-port", lab.smtpPort(), "-mx", TrainingWorld.DOMAIN);
      assertThat(exit).as(out.toString()).isZero();
      assertThat(out.toString()).startsWith("DANE OK");
    }
  }

  @Test
  void trainingRunSucceeds() {
    StringWriter err = new StringWriter();
    assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "_aot-train"))
        .as(err.toString()).isZero();
  }
}
