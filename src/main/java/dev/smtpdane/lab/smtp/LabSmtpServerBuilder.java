package dev.smtpdane.lab.smtp;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Configures a {@link LabSmtpServer}; every setting has a working default. */
public final class LabSmtpServerBuilder {
  private InetAddress bindAddress = InetAddress.getLoopbackAddress();
  private int port;
  private Mode mode = Mode.STARTTLS;
  private String hostname = "lab.invalid";
  private ServerChain defaultChain;
  private final Map<String, ServerChain> sniChains = new LinkedHashMap<>();
  private List<String> greeting;
  private List<String> ehloKeywords = List.of("PIPELINING", "SIZE 10240000", "8BITMIME");
  private String starttlsKeyword = "STARTTLS";
  private String starttlsReply = "220 2.0.0 Ready to start TLS";
  private Behaviour behaviour = Behaviour.NORMAL;
  private Duration replyDelay = Duration.ZERO;
  private Duration latency = Duration.ZERO;
  private Duration dripInterval = Duration.ofMillis(300);
  private List<String> protocols = List.of();
  private List<String> cipherSuites = List.of();
  private boolean ocspStapling;
  private int keepTranscripts = Integer.MAX_VALUE;

  LabSmtpServerBuilder() {}

  /** Loopback only: 127.0.0.1 (the default), any 127.x.y.z, or ::1. */
  public LabSmtpServerBuilder bindAddress(InetAddress address) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("the lab listens on loopback only, not " + address);
    }
    this.bindAddress = address;
    return this;
  }

  /** An address literal such as {@code 127.0.0.7} or {@code ::1}; never looked up in DNS. */
  public LabSmtpServerBuilder bindAddress(String literal) {
    if (!literal.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an address literal: " + literal);
    }
    try {
      return bindAddress(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + literal, e);
    }
  }

  /** The port; 0 (the default) picks a free one. */
  public LabSmtpServerBuilder port(int port) {
    this.port = port;
    return this;
  }

  public LabSmtpServerBuilder mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  /** The name in the default greeting and the first EHLO line. */
  public LabSmtpServerBuilder hostname(String hostname) {
    this.hostname = hostname;
    return this;
  }

  /** The default chain, sent exactly in this order, and the leaf's key. */
  public LabSmtpServerBuilder chain(List<X509Certificate> chain, PrivateKey key) {
    this.defaultChain = new ServerChain(chain, key);
    return this;
  }

  /** The default chain: {@code leaf} then {@code issuers} in the order given. */
  public LabSmtpServerBuilder chain(HeldCertificate leaf, HeldCertificate... issuers) {
    this.defaultChain = ServerChain.of(leaf, issuers);
    return this;
  }

  /** The chain for clients whose SNI is {@code name} (case-insensitive, trailing dot ok). */
  public LabSmtpServerBuilder chainForSni(String name, List<X509Certificate> chain,
      PrivateKey key) {
    return chainForSni(name, new ServerChain(chain, key));
  }

  /** {@link #chainForSni(String, List, PrivateKey)} from held certificates. */
  public LabSmtpServerBuilder chainForSni(String name, HeldCertificate leaf,
      HeldCertificate... issuers) {
    return chainForSni(name, ServerChain.of(leaf, issuers));
  }

  private LabSmtpServerBuilder chainForSni(String name, ServerChain chain) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    sniChains.put(n.toLowerCase(Locale.ROOT), chain);
    return this;
  }

  /** Whole greeting lines, codes included, e.g. {@code "220-hello", "220 lab ESMTP"}. */
  public LabSmtpServerBuilder greeting(String... lines) {
    this.greeting = List.of(lines);
    return this;
  }

  /** EHLO keyword lines other than STARTTLS (which is added in STARTTLS mode before TLS). */
  public LabSmtpServerBuilder ehloKeywords(String... keywords) {
    this.ehloKeywords = List.of(keywords);
    return this;
  }

  /** How STARTTLS is spelled in the EHLO reply (e.g. {@code starttls}: case must not matter). */
  public LabSmtpServerBuilder starttlsKeyword(String keyword) {
    this.starttlsKeyword = keyword;
    return this;
  }

  /** The whole reply line to STARTTLS; TLS starts only if it begins with 220. */
  public LabSmtpServerBuilder starttlsReply(String line) {
    this.starttlsReply = line;
    return this;
  }

  public LabSmtpServerBuilder behaviour(Behaviour behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  /** A pause before every reply (a slow server). */
  public LabSmtpServerBuilder replyDelay(Duration delay) {
    this.replyDelay = delay;
    return this;
  }

  /** A simulated network with this round-trip time ({@link LatencySocket}). */
  public LabSmtpServerBuilder latency(Duration roundTrip) {
    this.latency = roundTrip.isNegative() ? Duration.ZERO : roundTrip;
    return this;
  }

  /** The pause between bytes for {@link Behaviour#SLOW_DRIP_GREETING}. */
  public LabSmtpServerBuilder dripInterval(Duration interval) {
    this.dripInterval = interval;
    return this;
  }

  /** Limits the server's TLS versions, e.g. {@code "TLSv1.2"}; default: the JDK's. */
  public LabSmtpServerBuilder protocols(String... protocols) {
    this.protocols = List.of(protocols);
    return this;
  }

  /** Limits the server's cipher suites (JSSE names); default: the JDK's. */
  public LabSmtpServerBuilder cipherSuites(String... suites) {
    this.cipherSuites = List.of(suites);
    return this;
  }

  /**
   * Staples OCSP when the client asks (RFC 6066 §8 status_request on TLS 1.2, RFC 8446
   * §4.4.2.1 on TLS 1.3): on every full handshake JSSE fetches a response from the leaf's
   * authorityInfoAccess OCSP URL, e.g. a {@code LabOcspResponder}, and sends it. JSSE staples
   * nothing for a leaf without such a URL, for a chain without the leaf's issuer right after
   * it (it cannot make the CertID), for an OCSP error response, or for a response that does
   * not cover the CertID it asked about. Each connection has its own response cache.
   */
  public LabSmtpServerBuilder ocspStapling() {
    this.ocspStapling = true;
    return this;
  }

  /** Keeps only the transcripts of the last {@code max} connections (default: all). */
  public LabSmtpServerBuilder keepTranscripts(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("keepTranscripts must be at least 1");
    }
    this.keepTranscripts = max;
    return this;
  }

  /** Binds and starts accepting; with no chain set, a self-signed one for the hostname. */
  public LabSmtpServer start() throws IOException {
    ServerChain chain = defaultChain != null ? defaultChain : ServerChain.selfSigned(hostname);
    List<String> hello = greeting != null ? greeting
        : List.of("220 " + hostname + " ESMTP smtpdane lab");
    return LabSmtpServer.start(new LabConfig(bindAddress, port, mode, hostname, chain, sniChains,
        hello, ehloKeywords, starttlsKeyword, starttlsReply, behaviour, replyDelay, latency,
        dripInterval, protocols, cipherSuites, ocspStapling), keepTranscripts);
  }
}
