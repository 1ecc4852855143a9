package dev.smtpdane.lab.smtp;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/**
 * Creates server {@link SSLContext}s with JSSE's OCSP stapling on or off, per lab server.
 *
 * <p>JSSE has no API for this: each {@code SSLContextImpl} reads the system property {@value
 * #PROPERTY} once, when it is constructed (an instance field since JDK 9; checked in the JDK 17
 * and 25 sources), and keeps its own OCSP response cache. So the property is set to the wanted
 * value, one context is made, and the previous value is put back, all under one lock: every lab
 * context gets exactly what its server asked for whatever order tests run in, and nothing
 * outside the lab sees the property changed for longer than one {@code getInstance} call. Client
 * contexts ignore it (they read {@code jdk.tls.client.enableStatusRequestExtension}). A context
 * per connection also means a fresh response cache per connection.
 */
final class StaplingSwitch {
  static final String PROPERTY = "jdk.tls.server.enableStatusRequestExtension";
  private static final Object LOCK = new Object();

  private StaplingSwitch() {}

  /** A new, uninitialised TLS context whose server side staples OCSP iff {@code staple}. */
  static SSLContext newContext(boolean staple) throws NoSuchAlgorithmException {
    synchronized (LOCK) {
      String before = System.getProperty(PROPERTY);
      System.setProperty(PROPERTY, Boolean.toString(staple));
      try {
        return SSLContext.getInstance("TLS");
      } finally {
        if (before == null) {
          System.clearProperty(PROPERTY);
        } else {
          System.setProperty(PROPERTY, before);
        }
      }
    }
  }
}
