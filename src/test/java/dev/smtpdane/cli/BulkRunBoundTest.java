package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --input: the whole run is bounded by every target, and one more, taking its full --timeout
 * one after the other (queueing for connection slots no longer counts per target, so this is
 * what stops a run that would not end); a bound past what time can hold is no bound.
 */
class BulkRunBoundTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @ParameterizedTest(name = "{1} targets x {0}s -> +{2}s")
  @CsvSource({
    "10,                  1,          20",
    "60,                  1000,       60060",
    "9223372036,          2000000000, -1",
  })
  void runBoundIsEveryTargetAndOneMoreInTurn(long timeoutSeconds, int targets, long expected) {
    Instant bound = BulkRun.bound(START, Duration.ofSeconds(timeoutSeconds), targets);
    assertThat(bound).isEqualTo(expected < 0 ? Instant.MAX : START.plusSeconds(expected));
  }
}
