package dev.smtpdane.report;

/**
 * What one TLSA record did against one TLS session: matched (where, by which name) or why it
 * did not. {@code code} is a stable machine code (e.g. "matched", "digest-mismatch",
 * "ta-not-in-chain", "name-mismatch", "unusable"), {@code detail} the English.
 */
public record RecordResultView(String record, boolean matched, String code, String detail) {}
