package dev.smtpdane;

import dev.smtpdane.tls.BcEcProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the JCA provider that every check installs ({@code Run}) in front of the test JVM's
 * list too, before every test class (registered in META-INF/services, which
 * junit-platform.properties turns on for all of them), so that every handshake, chain
 * signature and DNSSEC signature in the tests is checked by the code a real run uses.
 */
public final class ProductionProviders implements BeforeAllCallback {
  private static volatile boolean ran;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!BcEcProvider.install()) {
      throw new IllegalStateException("could not install " + BcEcProvider.class.getName());
    }
    ran = true;
  }

  /** Whether the extension has run in this JVM (it is registered by configuration alone). */
  static boolean ran() {
    return ran;
  }
}
