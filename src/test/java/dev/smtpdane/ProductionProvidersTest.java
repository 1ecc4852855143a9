package dev.smtpdane;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import org.junit.jupiter.api.Test;

class ProductionProvidersTest {

  @Test
  void everyTestClassRunsWithTheProvidersOfARealRun() {
    // Nothing here installs it: junit-platform.properties registers ProductionProviders.
    assertThat(Security.getProviders()[0].getName()).isEqualTo("SmtpdaneBcEc");
  }
}
