package dev.smtpdane.lab.ocsp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;

/**
 * An OCSP responder over HTTP on 127.0.0.1 (RFC 6960 Appendix A), answering each request with the
 * response chosen for the certificate's serial number; any other serial gets "unauthorized"
 * (RFC 6960 §2.3), which JSSE does not staple. Put {@link #url()} into a leaf with {@code
 * CertificateBuilder.ocspUrl(...)} and a stapling {@code LabSmtpServer} serves the answer.
 *
 * <p>The response echoes the request's CertID, as a real responder does, so JSSE (which drops a
 * response that does not cover the CertID it asked about) always accepts it for stapling.
 */
public final class LabOcspResponder implements AutoCloseable {
  private static final String PATH = "/ocsp";
  private static final int MAX_REQUEST = 16 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<BigInteger, OcspResponseBuilder> answers = new ConcurrentHashMap<>();
  private final Map<BigInteger, byte[]> verbatim = new ConcurrentHashMap<>();
  private final List<BigInteger> requested = new CopyOnWriteArrayList<>();

  private LabOcspResponder() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(PATH, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a responder on a free loopback port. */
  public static LabOcspResponder start() throws IOException {
    return new LabOcspResponder();
  }

  /** The responder URL for a certificate's authorityInfoAccess, e.g. http://127.0.0.1:4711/ocsp. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PATH;
  }

  /** Answers requests about {@code serial} with a response made by {@code answer}. */
  public LabOcspResponder answer(BigInteger serial, OcspResponseBuilder answer) {
    answers.put(serial, answer);
    return this;
  }

  /** Answers requests about {@code serial} with exactly these bytes (e.g. garbage). */
  public LabOcspResponder answerVerbatim(BigInteger serial, byte[] der) {
    verbatim.put(serial, der.clone());
    return this;
  }

  /** The serial numbers asked about, in order (JSSE asks once per full handshake). */
  public List<BigInteger> requestedSerials() {
    return List.copyOf(requested);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] response;
      try {
        response = respond(request(exchange));
      } catch (IOException | RuntimeException e) {
        response = errorResponse(OCSPRespBuilder.MALFORMED_REQUEST);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    } catch (Exception e) {
      // the client went away; nothing to answer
    }
  }

  /** The DER request: POST body, or GET with URL-encoded base64 after the path (Appendix A.1). */
  private static byte[] request(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      try (InputStream in = exchange.getRequestBody()) {
        return in.readNBytes(MAX_REQUEST);
      }
    }
    // The raw path: getPath() would decode '+' into ' ' and break the base64.
    String raw = exchange.getRequestURI().getRawPath().substring(PATH.length());
    String b64 = URLDecoder.decode(raw.startsWith("/") ? raw.substring(1) : raw,
        StandardCharsets.UTF_8);
    return Base64.getDecoder().decode(b64);
  }

  private byte[] respond(byte[] der) throws IOException {
    Req[] list = new OCSPReq(der).getRequestList();
    if (list.length == 0) {
      throw new IOException("an OCSP request without a certificate");
    }
    CertificateID id = list[0].getCertID();
    requested.add(id.getSerialNumber());
    byte[] fixed = verbatim.get(id.getSerialNumber());
    if (fixed != null) {
      return fixed.clone();
    }
    OcspResponseBuilder answer = answers.get(id.getSerialNumber());
    return answer != null ? answer.build(id) : errorResponse(OCSPRespBuilder.UNAUTHORIZED);
  }

  private static byte[] errorResponse(int status) {
    try {
      return new OCSPRespBuilder().build(status, null).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException("cannot encode an OCSP error response", e);
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
