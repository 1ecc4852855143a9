package dev.smtpdane.dane;

import dev.smtpdane.report.FindingCode;
import java.util.Objects;

/** One TLSA record of the RRset and what it did against the presented chain. */
public record RecordOutcome(TlsaRecord record, RecordResult result) {
  public RecordOutcome {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(result, "result");
  }

  public FindingCode code() {
    return result.code();
  }

  public boolean matched() {
    return result.matched();
  }
}
