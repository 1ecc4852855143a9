/**
 * Runs a check end to end: discovery's plan → one SMTP/TLS session per address (concurrent,
 * bounded, under the run deadline) → DANE verification → the report tree. Decides nothing
 * about DANE itself (that is {@code dane}) and prints nothing (that is {@code report}).
 */
package dev.smtpdane.check;
