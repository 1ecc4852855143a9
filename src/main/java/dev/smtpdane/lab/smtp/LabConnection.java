package dev.smtpdane.lab.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** The server side of one lab connection: a scripted SMTP dialogue and its misbehaviours. */
final class LabConnection implements Runnable {
  private static final int IDLE_TIMEOUT_MS = 60_000;
  private static final int MAX_COMMAND = 4096;
  // A TLS 1.2 record: alert (21), version 3.3, length 2, level fatal (2), handshake_failure (40).
  private static final byte[] FATAL_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  private final Socket socket;
  private Socket wire; // what the dialogue and TLS run over: the socket, or a LatencySocket
  private final LabConfig config;
  private final LabTranscript transcript;
  private final Runnable onEnd;
  private InputStream in;
  private OutputStream out;
  private boolean tls;

  LabConnection(Socket socket, LabConfig config, LabTranscript transcript, Runnable onEnd) {
    this.socket = socket;
    this.config = config;
    this.transcript = transcript;
    this.onEnd = onEnd;
  }

  @Override
  public void run() {
    try {
      socket.setSoTimeout(IDLE_TIMEOUT_MS); // a forgotten client must not pin this thread
      wire = config.latency().isPositive() ? new LatencySocket(socket, config.latency())
          : socket;
      in = wire.getInputStream();
      out = wire.getOutputStream();
      if (config.mode() == LabSmtpServer.Mode.TLS_ON_CONNECT && !startTls()) {
        return;
      }
      if (greet()) {
        converse();
      }
    } catch (IOException | InterruptedException | GeneralSecurityException e) {
      // The client went away or the server is closing: normal in hostile-server tests.
    } finally {
      onEnd.run();
      transcript.end();
    }
  }

  /** Sends the greeting, or misbehaves instead; false ends the connection. */
  private boolean greet() throws IOException, InterruptedException {
    switch (config.behaviour()) {
      case SILENT -> drain();
      case SLOW_DRIP_GREETING -> {
        for (int i = 0; ; i++) {
          write(i < 4 ? "220 ".substring(i, i + 1) : "x");
          Thread.sleep(config.dripInterval());
        }
      }
      case ENDLESS_GREETING -> {
        while (true) {
          write("220-" + config.hostname() + " and there is more\r\n");
        }
      }
      case LONG_LINE_GREETING -> {
        write("220 " + "a".repeat(1 << 20));
        drain();
      }
      case GARBAGE_GREETING -> {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 0; // deterministic and clearly not a digit nor a TLS record type
        out.write(junk);
        drain();
      }
      case TLS_RECORD_GREETING -> {
        out.write(FATAL_ALERT);
        drain();
      }
      case GREETING_554 -> {
        reply("554 5.3.2 " + config.hostname() + " has no SMTP service for you");
        return true;
      }
      default -> {
        reply(config.greeting().toArray(String[]::new));
        return true;
      }
    }
    return false;
  }

  private void converse() throws IOException, InterruptedException, GeneralSecurityException {
    while (true) {
      String line = readCommand();
      if (line == null) {
        return;
      }
      transcript.command(line);
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      boolean more = switch (verb) {
        case "EHLO" -> ehlo();
        case "HELO" -> helo();
        case "STARTTLS" -> starttls();
        case "QUIT" -> {
          if (config.is(Behaviour.SILENT_AFTER_QUIT)) {
            drainBelowTls(); // not even a close_notify goes back
          } else {
            reply("221 2.0.0 Bye");
          }
          yield false;
        }
        case "NOOP", "RSET" -> reply("250 2.0.0 OK");
        default -> reply("502 5.5.2 Error: command not recognized");
      };
      if (!more) {
        return;
      }
    }
  }

  private boolean ehlo() throws IOException, InterruptedException {
    if (!tls && config.is(Behaviour.EHLO_REFUSED)) {
      return reply("502 5.5.2 Error: command not recognized");
    }
    if (tls && config.is(Behaviour.REFUSE_EHLO_AFTER_TLS)) {
      return reply("554 5.7.0 " + config.hostname() + " refuses you after all");
    }
    if (!tls && config.is(Behaviour.ENDLESS_EHLO)) {
      while (true) {
        write("250-X-ENDLESS-KEYWORD\r\n");
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(config.hostname());
    lines.addAll(config.ehloKeywords());
    if (!tls && config.mode() == LabSmtpServer.Mode.STARTTLS
        && !config.is(Behaviour.NO_STARTTLS)) {
      lines.add(config.starttlsKeyword()); // RFC 3207 §4.2: never offered again inside TLS
    }
    String[] reply = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      reply[i] = "250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i);
    }
    reply(reply);
    return tls || !config.is(Behaviour.CLOSE_AFTER_EHLO);
  }

  private boolean helo() throws IOException, InterruptedException {
    if (tls && config.is(Behaviour.REFUSE_EHLO_AFTER_TLS)) {
      return reply("554 5.7.0 " + config.hostname() + " refuses you after all");
    }
    return reply("250 " + config.hostname());
  }

  private boolean starttls()
      throws IOException, InterruptedException, GeneralSecurityException {
    if (tls || config.mode() == LabSmtpServer.Mode.TLS_ON_CONNECT) {
      return reply("503 5.5.1 Error: TLS already active");
    }
    if (config.is(Behaviour.STARTTLS_454)) {
      return reply("454 4.7.0 TLS not available due to temporary reason");
    }
    if (config.is(Behaviour.INJECT_AFTER_STARTTLS)) {
      reply(config.starttlsReply(), "250 injected-before-tls"); // one write, one segment
    } else {
      reply(config.starttlsReply());
    }
    return !config.starttlsReply().startsWith("220") || startTls();
  }

  /** Starts TLS as the server, or misbehaves instead; false ends the connection. */
  private boolean startTls() throws IOException, GeneralSecurityException {
    if (config.is(Behaviour.STALL_HANDSHAKE)) {
      drain();
      return false;
    }
    if (config.is(Behaviour.HANDSHAKE_ALERT)) {
      byte[] header = in.readNBytes(5); // the ClientHello's record header, then its body
      in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
      out.write(FATAL_ALERT);
      out.flush();
      drain();
      return false;
    }
    if (config.is(Behaviour.RESET_HANDSHAKE)) {
      in.readNBytes(5); // the ClientHello's record header
      socket.setSoLinger(true, 0); // close with RST instead of FIN
      socket.close();
      return false;
    }
    SSLContext context = StaplingSwitch.newContext(config.ocspStapling());
    context.init(new KeyManager[] {new SniKeyManager(config.defaultChain(), config.sniChains(),
        transcript)}, new TrustManager[0], null);
    SSLSocket s = (SSLSocket) context.getSocketFactory()
        .createSocket(wire, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    s.setUseClientMode(false);
    if (!config.protocols().isEmpty()) {
      s.setEnabledProtocols(config.protocols().toArray(String[]::new));
    }
    if (!config.cipherSuites().isEmpty()) {
      s.setEnabledCipherSuites(config.cipherSuites().toArray(String[]::new));
    }
    s.startHandshake();
    transcript.tlsProtocol(s.getSession().getProtocol());
    in = s.getInputStream();
    out = s.getOutputStream();
    tls = true;
    return true;
  }

  /** Sends the lines as one reply in one write, after the configured delay; returns true. */
  private boolean reply(String... lines) throws IOException, InterruptedException {
    if (config.replyDelay().isPositive()) {
      Thread.sleep(config.replyDelay());
    }
    write(String.join("\r\n", lines) + "\r\n");
    return true;
  }

  private void write(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Reads the bytes under TLS (if any) until the client closes its side, answering nothing,
   * then holds the connection open until the server closes.
   */
  private void drainBelowTls() throws IOException, InterruptedException {
    byte[] sink = new byte[4096];
    InputStream raw = wire.getInputStream();
    while (raw.read(sink) >= 0) {
      // discard, TLS alerts included
    }
    while (!socket.isClosed()) {
      Thread.sleep(20);
    }
  }

  /** Reads until the client closes, answering nothing. */
  private void drain() throws IOException {
    byte[] sink = new byte[4096];
    while (in.read(sink) >= 0) {
      // discard
    }
  }

  /** One command line without its CRLF; null at end of stream or on an over-long line. */
  private String readCommand() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() >= MAX_COMMAND) {
        return null;
      }
      line.write(b);
    }
    if (b < 0) {
      return null;
    }
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
