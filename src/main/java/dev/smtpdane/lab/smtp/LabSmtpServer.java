package dev.smtpdane.lab.smtp;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process SMTP server on a loopback address, for tests and the demo. One virtual thread
 * waits in {@code accept}; each connection gets its own virtual thread and its own TLS context
 * (so no session is ever resumed). {@link #close()} stops everything promptly.
 *
 * <pre>{@code
 * try (LabSmtpServer server = LabSmtpServer.builder().chain(leaf, intermediate).start()) {
 *   InetSocketAddress where = server.address();
 * }
 * }</pre>
 */
public final class LabSmtpServer implements AutoCloseable {
  /** How TLS starts. */
  public enum Mode {
    /** Plaintext greeting, TLS after STARTTLS (RFC 3207), like port 25 and 587. */
    STARTTLS,
    /** TLS from the first byte (RFC 8314), like port 465. */
    TLS_ON_CONNECT
  }

  private static final Duration ACCEPTOR_EXIT = Duration.ofSeconds(2);

  private final LabConfig config;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<LabTranscript> transcripts = new CopyOnWriteArrayList<>();
  private final int keepTranscripts;
  private final Thread acceptor;
  private volatile boolean closed;

  private LabSmtpServer(LabConfig config, int keepTranscripts) throws IOException {
    this.config = config;
    this.keepTranscripts = keepTranscripts;
    this.listener = new ServerSocket(config.port(), 50, config.bindAddress());
    this.acceptor = Thread.ofVirtual().name("lab-smtp-accept-" + listener.getLocalPort())
        .start(this::accept);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The address and port the server listens on. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  /** One transcript per accepted connection, in the order they were accepted. */
  public List<LabTranscript> transcripts() {
    return List.copyOf(transcripts);
  }

  /** The transcript of the most recent connection; fails if there was none. */
  public LabTranscript lastTranscript() {
    if (transcripts.isEmpty()) {
      throw new IllegalStateException("no client has connected to " + address());
    }
    return transcripts.get(transcripts.size() - 1);
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(s);
      if (closed) {
        closeQuietly(s);
        return;
      }
      LabTranscript t = new LabTranscript();
      transcripts.add(t);
      while (transcripts.size() > keepTranscripts) {
        transcripts.remove(0); // a long-running lab (demo --serve) keeps its memory bounded
      }
      Thread.ofVirtual().name("lab-smtp-conn").start(new LabConnection(s, config, t, () -> {
        open.remove(s);
        closeQuietly(s);
      }));
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Socket s : open) {
      closeQuietly(s);
    }
    // The JDK finishes closing a listening socket only when the thread blocked in accept()
    // wakes up; until then new connections are still completed. Wait, so that after close()
    // the port really refuses.
    try {
      acceptor.join(ACCEPTOR_EXIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // shutting down
    }
  }

  /** Configures a lab server; every setting has a working default. */
  public static final class Builder {
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

    private Builder() {}

    /** Loopback only: 127.0.0.1 (the default), any 127.x.y.z, or ::1. */
    public Builder bindAddress(InetAddress address) {
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("the lab listens on loopback only, not " + address);
      }
      this.bindAddress = address;
      return this;
    }

    /** An address literal such as {@code 127.0.0.7} or {@code ::1}; never looked up in DNS. */
    public Builder bindAddress(String literal) {
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
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /** The name in the default greeting and the first EHLO line. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** The default chain, sent exactly in this order, and the leaf's key. */
    public Builder chain(List<X509Certificate> chain, PrivateKey key) {
      this.defaultChain = new ServerChain(chain, key);
      return this;
    }

    /** The default chain: {@code leaf} then {@code issuers} in the order given. */
    public Builder chain(HeldCertificate leaf, HeldCertificate... issuers) {
      return chain(certificates(leaf, issuers), leaf.keyPair().getPrivate());
    }

    /** The chain for clients whose SNI is {@code name} (case-insensitive, trailing dot ok). */
    public Builder chainForSni(String name, List<X509Certificate> chain, PrivateKey key) {
      String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      sniChains.put(n.toLowerCase(Locale.ROOT), new ServerChain(chain, key));
      return this;
    }

    /** {@link #chainForSni(String, List, PrivateKey)} from held certificates. */
    public Builder chainForSni(String name, HeldCertificate leaf, HeldCertificate... issuers) {
      return chainForSni(name, certificates(leaf, issuers), leaf.keyPair().getPrivate());
    }

    /** Whole greeting lines, codes included, e.g. {@code "220-hello", "220 lab ESMTP"}. */
    public Builder greeting(String... lines) {
      this.greeting = List.of(lines);
      return this;
    }

    /** EHLO keyword lines other than STARTTLS (which is added in STARTTLS mode before TLS). */
    public Builder ehloKeywords(String... keywords) {
      this.ehloKeywords = List.of(keywords);
      return this;
    }

    /** How STARTTLS is spelled in the EHLO reply (e.g. {@code starttls}: case must not matter). */
    public Builder starttlsKeyword(String keyword) {
      this.starttlsKeyword = keyword;
      return this;
    }

    /** The whole reply line to STARTTLS; TLS starts only if it begins with 220. */
    public Builder starttlsReply(String line) {
      this.starttlsReply = line;
      return this;
    }

    public Builder behaviour(Behaviour behaviour) {
      this.behaviour = behaviour;
      return this;
    }

    /** A pause before every reply (a slow server). */
    public Builder replyDelay(Duration delay) {
      this.replyDelay = delay;
      return this;
    }

    /** A simulated network with this round-trip time ({@link LatencySocket}). */
    public Builder latency(Duration roundTrip) {
      this.latency = roundTrip.isNegative() ? Duration.ZERO : roundTrip;
      return this;
    }

    /** The pause between bytes for {@link Behaviour#SLOW_DRIP_GREETING}. */
    public Builder dripInterval(Duration interval) {
      this.dripInterval = interval;
      return this;
    }

    /** Limits the server's TLS versions, e.g. {@code "TLSv1.2"}; default: the JDK's. */
    public Builder protocols(String... protocols) {
      this.protocols = List.of(protocols);
      return this;
    }

    /** Limits the server's cipher suites (JSSE names); default: the JDK's. */
    public Builder cipherSuites(String... suites) {
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
    public Builder ocspStapling() {
      this.ocspStapling = true;
      return this;
    }

    /** Keeps only the transcripts of the last {@code max} connections (default: all). */
    public Builder keepTranscripts(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("keepTranscripts must be at least 1");
      }
      this.keepTranscripts = max;
      return this;
    }

    /** Binds and starts accepting; with no chain set, a self-signed one for the hostname. */
    public LabSmtpServer start() throws IOException {
      ServerChain chain = defaultChain;
      if (chain == null) {
        HeldCertificate self = HeldCertificate.builder().commonName(hostname)
            .dnsNames(hostname).build();
        chain = new ServerChain(List.of(self.certificate()), self.keyPair().getPrivate());
      }
      List<String> hello = greeting != null ? greeting
          : List.of("220 " + hostname + " ESMTP smtpdane lab");
      return new LabSmtpServer(new LabConfig(bindAddress, port, mode, hostname, chain, sniChains,
          hello, ehloKeywords, starttlsKeyword, starttlsReply, behaviour, replyDelay, latency,
          dripInterval, protocols, cipherSuites, ocspStapling), keepTranscripts);
    }

    private static List<X509Certificate> certificates(HeldCertificate leaf,
        HeldCertificate... issuers) {
      List<X509Certificate> all = new ArrayList<>();
      all.add(leaf.certificate());
      for (HeldCertificate i : issuers) {
        all.add(i.certificate());
      }
      return all;
    }
  }
}
