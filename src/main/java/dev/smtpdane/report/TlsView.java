package dev.smtpdane.report;

/** The negotiated TLS session: protocol version, cipher suite, the SNI we sent. */
public record TlsView(String protocol, String cipherSuite, String sni) {}
