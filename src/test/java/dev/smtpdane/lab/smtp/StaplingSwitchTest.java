package dev.smtpdane.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JVM-wide stapling property is only borrowed while a lab context is made. */
class StaplingSwitchTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void unsetPropertyStaysUnset(boolean staple) throws Exception {
    assertThat(System.getProperty(StaplingSwitch.PROPERTY)).isNull();
    assertThat(StaplingSwitch.newContext(staple)).isNotNull();
    assertThat(System.getProperty(StaplingSwitch.PROPERTY)).isNull();
  }

  @Test
  void previousValueIsPutBack() throws Exception {
    System.setProperty(StaplingSwitch.PROPERTY, "true");
    try {
      StaplingSwitch.newContext(false);
      assertThat(System.getProperty(StaplingSwitch.PROPERTY)).isEqualTo("true");
    } finally {
      System.clearProperty(StaplingSwitch.PROPERTY);
    }
  }
}
