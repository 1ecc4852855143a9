package dev.smtpdane;

import dev.smtpdane.tls.BcEcProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the JCA provider that {@code Main.main} installs in front of the test JVM's list too,
 * before every test class (registered for all of them in junit-platform.properties), so that
 * every handshake and DNSSEC check in the tests runs the code a real run does.
 */
public final class ProductionProviders implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!BcEcProvider.install()) {
      throw new IllegalStateException("could not install " + BcEcProvider.class.getName());
    }
  }
}
