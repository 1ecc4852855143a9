package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.LabSettings;
import dev.smtpdane.lab.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab's fallback where only 127.0.0.1 can be bound: each scenario on a port of its own,
 * passed with -port, TLSA records at that port, SRV records carrying it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class OneAddressLabTest {
  private DaneLab lab;

  @BeforeAll
  void start() {
    lab = DaneLab.start(
        LabSettings.defaults().withAddressing(LabSettings.Addressing.ONE_ADDRESS));
  }

  @AfterAll
  void stop() {
    lab.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ee-311-good", "ta-name-mismatch", "submission-587",
      "submissions-465", "dual-stack-good", "tlsa-bogus"})
  void scenarioKeepsItsVerdictOnAPortOfItsOwn(String name) {
    Scenario s = lab.scenario(name).orElseThrow();
    Assumptions.assumeTrue(lab.skipReason(s).isEmpty(), () -> lab.skipReason(s).orElse(""));
    assertThat(lab.commandLine(s)).containsSubsequence("-port", Integer.toString(lab.port(s)));
    ScenarioRun.of(lab, s).assertMeetsExpectation();
  }
}
