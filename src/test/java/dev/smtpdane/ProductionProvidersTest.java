package dev.smtpdane;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import org.junit.jupiter.api.Test;

class ProductionProvidersTest {

  @Test
  void everyTestClassRunsWithTheProvidersOfARealRun() {
    // Nothing in this class registers it: junit-platform.properties and META-INF/services do.
    assertThat(ProductionProviders.ran()).isTrue();
    assertThat(Security.getProviders()[0].getName()).isEqualTo("SmtpdaneBcEc");
  }
}
