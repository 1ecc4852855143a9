package dev.smtpdane.report;

/** How much a finding matters; ordered from least to most severe (compare with ordinal). */
public enum Severity {
  OK,
  INFO,
  WARNING,
  ERROR;

  /** The more severe of the two. */
  public Severity max(Severity other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
