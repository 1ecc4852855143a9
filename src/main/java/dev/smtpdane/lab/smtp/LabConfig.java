package dev.smtpdane.lab.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The settled configuration of one lab server, as its {@code Builder} left it. */
record LabConfig(
    InetAddress bindAddress,
    int port,
    LabSmtpServer.Mode mode,
    String hostname,
    ServerChain defaultChain,
    Map<String, ServerChain> sniChains,
    List<String> greeting,
    List<String> ehloKeywords,
    String starttlsKeyword,
    String starttlsReply,
    Behaviour behaviour,
    Duration replyDelay,
    Duration latency,
    Duration dripInterval,
    List<String> protocols,
    List<String> cipherSuites,
    boolean ocspStapling) {

  LabConfig {
    sniChains = Map.copyOf(sniChains);
    greeting = List.copyOf(greeting);
    ehloKeywords = List.copyOf(ehloKeywords);
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
  }

  boolean is(Behaviour b) {
    return behaviour == b;
  }
}
