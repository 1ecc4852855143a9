package dev.smtpdane.dane;

import java.util.Objects;

/**
 * A TLSA record that would match what the server presented, for operators to review (never to
 * publish blindly: a record should come from the key the operator controls, not from what a
 * connection showed). {@code 3 1 1} for the leaf and {@code 2 1 1} for each issuer on the
 * leaf's path; {@code outcome} is what that record alone would do now (for {@code 2 1 1},
 * names, dates and signatures still apply).
 */
public record SuggestedRecord(int chainPosition, String subject, TlsaRecord record,
    RecordResult outcome) {
  public SuggestedRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** True if this record alone would authenticate the server now. */
  public boolean wouldAuthenticate() {
    return outcome.matched();
  }
}
