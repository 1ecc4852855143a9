package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResolverAddressesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "127.0.0.1, 127.0.0.1:53",
    "127.0.0.1:5353, 127.0.0.1:5353",
    "::1, [::1]:53",
    "[::1], [::1]:53",
    "[::1]:5353, [::1]:5353",
    "[2001:db8::53]:53, [2001:db8::53]:53",
  })
  void oneEntry(String entry, String expected) {
    assertThat(ResolverExchange.describe(ResolverAddresses.parse(entry))).isEqualTo(expected);
  }

  @Test
  void listSeparatedByCommasAndSpacesKeepsOrder() {
    List<InetSocketAddress> list =
        ResolverAddresses.parseList(" 127.0.0.2:5300, [::1]:54  127.0.0.3,,::1 ");
    assertThat(list).extracting(ResolverExchange::describe).containsExactly(
        "127.0.0.2:5300", "[::1]:54", "127.0.0.3:53", "[::1]:53");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "resolver.example", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:dns", "[::1", "[::1]x",
    "300.0.0.1", "1.2.3", "[127.0.0.1]:53x"})
  void malformedEntriesAreRejectedAndNeverLookedUp(String entry) {
    assertThatThrownBy(() -> ResolverAddresses.parse(entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resolver \"" + entry + "\"");
  }

  @Test
  void resolvConfNameserverLinesInOrder() {
    String conf = """
        # generated
        search example.test
        nameserver 127.0.0.53
        nameserver   ::1
        ;nameserver 127.0.0.9
        nameserver not-an-address
        options edns0 trust-ad
        nameserver 127.0.0.54
        """;
    assertThat(ResolverAddresses.fromResolvConf(conf)).extracting(ResolverExchange::describe)
        .containsExactly("127.0.0.53:53", "[::1]:53", "127.0.0.54:53");
  }

  @Test
  void optionBeatsEnvironmentBeatsResolvConf() {
    String conf = "nameserver 127.0.0.3\n";
    assertThat(ResolverAddresses.select(List.of("127.0.0.1", "127.0.0.4"), "127.0.0.2",
        () -> conf)).extracting(ResolverExchange::describe)
        .containsExactly("127.0.0.1:53", "127.0.0.4:53");
    assertThat(ResolverAddresses.select(List.of(), "127.0.0.2:54", () -> conf))
        .extracting(ResolverExchange::describe).containsExactly("127.0.0.2:54");
    assertThat(ResolverAddresses.select(List.of(), " ", () -> conf))
        .extracting(ResolverExchange::describe).containsExactly("127.0.0.3:53");
  }

  @Test
  void resolvConfIsNotReadWhenAResolverIsGiven() {
    assertThat(ResolverAddresses.select(List.of("127.0.0.1"), null, () -> {
      throw new AssertionError("resolv.conf read");
    })).hasSize(1);
  }

  @Test
  void noResolverAnywhereIsAClearError() {
    assertThatThrownBy(() -> ResolverAddresses.select(List.of(), null, () -> "search x\n"))
        .hasMessageContaining("no DNS resolver configured");
  }
}
