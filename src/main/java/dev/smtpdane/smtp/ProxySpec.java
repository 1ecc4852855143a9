package dev.smtpdane.smtp;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A SOCKS5 proxy for the SMTP connections ({@code -proxy-tcp socks5://host:port}). DNS is never
 * sent through it: we connect to addresses we resolved and validated ourselves.
 */
public record ProxySpec(String host, int port) {
  private static final int DEFAULT_PORT = 1080;

  public ProxySpec {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad SOCKS5 proxy " + host + ":" + port);
    }
  }

  /**
   * Parses {@code socks5://host:port} (port 1080 if omitted; IPv6 hosts in brackets).
   *
   * @throws IllegalArgumentException with a message for the command line
   */
  public static ProxySpec parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a proxy URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("socks5")) {
      throw new IllegalArgumentException(
          "only socks5://host:port proxies are supported, not: " + url);
    }
    String host = uri.getHost();
    if (host == null || uri.getUserInfo() != null || !(uri.getPath() == null
        || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
      throw new IllegalArgumentException("expected socks5://host:port, got: " + url);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ProxySpec(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
  }

  /** The JDK proxy; the proxy's own name is resolved by the JDK when connecting. */
  Proxy toProxy() {
    return new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(host, port));
  }

  @Override
  public String toString() {
    return "socks5://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
