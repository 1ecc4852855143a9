package dev.smtpdane.smtp;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.tls.TlsSession;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever ended a session early into one finding code and a sentence an operator can
 * act on. This is the only place that looks inside I/O and TLS exceptions (style.md §10).
 */
final class FailureClassifier {
  /**
   * JSSE's words for a server signature that fails (false) or cannot be checked (throws, e.g. a
   * 2048-bit key behind a 4096-bit certificate): TLS 1.3 CertificateVerify, TLS 1.2
   * ServerKeyExchange.
   */
  private static final Pattern BAD_SIGNATURE = Pattern.compile("(?:Invalid|Cannot verify)"
      + " (?:CertificateVerify|ECDH ServerKeyExchange|DH ServerKeyExchange) signature"
      + "|Invalid signature (?:on|of) (?:DH|RSA) ServerKeyExchange");
  private static final Pattern ALERT = Pattern.compile("fatal alert: ([a-z_0-9]+)");

  private FailureClassifier() {}

  /**
   * Classifies {@code e}, raised at {@code step}. What the server said (a refusal, a malformed
   * reply) comes first; then the deadline, because when the watchdog closed the socket the
   * exception itself only says "socket closed".
   */
  static SessionOutcome.Failed classify(Step step, IOException e, ProbeRequest request,
      SessionDeadline deadline, Optional<TlsSession> partial, List<Finding> findings) {
    FindingCode code;
    String message;
    if (e instanceof ProbeFailure f) {
      code = f.code();
      message = f.getMessage();
    } else if (e instanceof MalformedReplyException m) {
      code = FindingCode.PROTOCOL_ERROR;
      message = m.getMessage() + " (waiting for " + step.awaited() + ")" + tlsHint(step, m);
    } else if (deadline.expired()) {
      code = FindingCode.TIMEOUT;
      message = "session deadline of " + human(deadline.budget()) + " reached while waiting for "
          + step.awaited() + " (the server is too slow, or feeds us data a byte at a time)";
    } else if (step == Step.CONNECT) {
      code = FindingCode.CONNECT_FAILED;
      message = connectFailure(e, request);
    } else if (has(e, SocketTimeoutException.class)) {
      code = FindingCode.TIMEOUT;
      message = "no data within " + human(request.readTimeout()) + " while waiting for "
          + step.awaited() + timeoutHint(step, request);
    } else if (step == Step.HANDSHAKE) {
      return handshake(e, request, partial, findings);
    } else {
      code = step.onClose();
      message = closed(e) + " while waiting for " + step.awaited();
    }
    return new SessionOutcome.Failed(step.stage(), code, message, partial, findings);
  }

  private static SessionOutcome.Failed handshake(IOException e, ProbeRequest request,
      Optional<TlsSession> partial, List<Finding> findings) {
    String text = messages(e);
    FindingCode code = FindingCode.HANDSHAKE_FAILED;
    String message;
    Matcher alert = ALERT.matcher(text);
    if (text.contains("unrecognized SSL message") || text.contains("plaintext connection")) {
      code = FindingCode.PROTOCOL_ERROR;
      message = request.tlsOnConnect()
          ? "server sent plaintext where a TLS handshake was expected: is this a STARTTLS port"
              + " (25 or 587)? try without -tls-on-connect"
          : "server sent plaintext instead of a TLS handshake after its 220 to STARTTLS"
              + " (a man in the middle injecting data, or a broken TLS layer)";
    } else if (BAD_SIGNATURE.matcher(text).find()) {
      // RFC 8446 §4.4.3 (TLS 1.2: the ServerKeyExchange signature, RFC 8422 §5.4).
      message = "TLS handshake failed: the server's handshake signature does not verify with"
          + " the key in the certificate it sent, so it cannot prove it holds that key (a"
          + " certificate deployed without its own key, or a copied one); whatever the TLSA"
          + " records say, no sender may trust it ("
          + firstLine(text).replaceFirst("^\\([a-z_]+\\) ", "") + ")";
    } else if (alert.find()) {
      message = "TLS handshake failed: the server sent the fatal alert " + alert.group(1)
          + alertHint(alert.group(1));
    } else if (text.contains("No appropriate protocol")
        || text.contains("no cipher suites in common")) {
      message = "TLS handshake failed: no protocol version or cipher suite in common ("
          + firstLine(text) + ")";
    } else if (has(e, EOFException.class) || text.contains("Connection reset")
        || text.contains("Remote host terminated")) {
      message = "TLS handshake failed: " + closed(e);
    } else {
      message = "TLS handshake failed: " + firstLine(text);
    }
    return new SessionOutcome.Failed(Stage.HANDSHAKE, code, message, partial, findings);
  }

  private static String connectFailure(IOException e, ProbeRequest request) {
    String target = dev.smtpdane.dns.AddressText.of(request.address().getAddress()) + " port "
        + request.address().getPort();
    String via = request.socks5().map(p -> " via the SOCKS5 proxy " + p).orElse("");
    if (has(e, SocketTimeoutException.class)) {
      return "cannot connect to " + target + via + ": no answer within "
          + human(request.connectTimeout()) + " (a firewall dropping packets? many networks"
          + " block outbound port 25)";
    }
    if (has(e, UnknownHostException.class)) {
      return "cannot resolve the SOCKS5 proxy " + request.socks5().map(ProxySpec::host)
          .orElse("?") + ": " + firstLine(messages(e));
    }
    if (e instanceof ConnectException && !messages(e).contains("SOCKS")) {
      return "cannot connect to " + target + via + ": connection refused (nothing listens)";
    }
    if (e instanceof NoRouteToHostException) {
      return "cannot connect to " + target + via + ": no route to host";
    }
    return "cannot connect to " + target + via + ": " + firstLine(messages(e));
  }

  private static String closed(IOException e) {
    String text = messages(e).toLowerCase(Locale.ROOT);
    if (text.contains("connection reset")) {
      return "connection reset by the server";
    }
    if (has(e, EOFException.class) || text.contains("remote host terminated")
        || text.contains("closed by the server")) {
      return "server closed the connection";
    }
    return "connection failed (" + firstLine(messages(e)) + ")";
  }

  private static String tlsHint(Step step, MalformedReplyException m) {
    return m.tlsRecord() && step == Step.GREETING
        ? ": is this a TLS-on-connect port (465)? try -tls-on-connect" : "";
  }

  private static String timeoutHint(Step step, ProbeRequest request) {
    return switch (step) {
      case GREETING -> " (a TLS-on-connect port such as 465 waits silently for a ClientHello:"
          + " try -tls-on-connect)";
      case HANDSHAKE -> request.tlsOnConnect()
          ? " (the server stalled after our ClientHello; is this a plaintext port?)"
          : " (the server stalled after our ClientHello)";
      default -> "";
    };
  }

  private static String alertHint(String alert) {
    return switch (alert) {
      case "handshake_failure", "insufficient_security" ->
          " (no cipher suite or key exchange in common)";
      case "protocol_version" -> " (no TLS version in common)";
      case "unrecognized_name" -> " (the server does not know the SNI name we sent)";
      default -> "";
    };
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** All messages down the cause chain, for matching JSSE's wording. */
  private static String messages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
          .append('\n');
    }
    return b.toString();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** Go-like duration text: 2s, 1.5s, 250ms. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms < 1000 ? ms + "ms" : (ms / 1000.0) + "s";
  }
}
