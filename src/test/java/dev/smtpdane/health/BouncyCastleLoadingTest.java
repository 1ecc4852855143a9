package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The health checks must run without Bouncy Castle's OCSP and certificate classes until a
 * server actually staples a response (loading them costs start-up time, and far more where
 * the jar is signed, research §6). The classes are loaded from the build output by a loader
 * that cannot see Bouncy Castle at all.
 */
class BouncyCastleLoadingTest {

  private static Class<?> isolated(String name) throws Exception {
    URL classes = OcspCheck.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader noBc = new URLClassLoader(new URL[] {classes},
        ClassLoader.getPlatformClassLoader());
    assertThatThrownBy(() -> noBc.loadClass("org.bouncycastle.cert.ocsp.OCSPResp"))
        .isInstanceOf(ClassNotFoundException.class);
    return noBc.loadClass(name);
  }

  private static Object call(Class<?> type, String method, Object... args) throws Exception {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length
          && accepts(m.getParameterTypes(), args)) {
        return m.invoke(null, args);
      }
    }
    throw new AssertionError("no " + method + " in " + type);
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    for (int i = 0; i < types.length; i++) {
      if (!types[i].isPrimitive() && !types[i].isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void ocspCheckWithoutStapleNeverTouchesBouncyCastle() throws Exception {
    Object result = call(isolated(OcspCheck.class.getName()), "check", List.of(),
        OcspCheckTest.CHAIN, Instant.now());
    assertThat(result.getClass().getSimpleName()).isEqualTo("Missing");
  }

  @Test
  void ocspCheckWithStapleNeedsBouncyCastle() throws Exception {
    // The other side of the test above: it shows that the isolated loader really lacks BC.
    Class<?> check = isolated(OcspCheck.class.getName());
    assertThatThrownBy(() -> call(check, "check", List.of(new byte[] {0x30, 0x00}),
        OcspCheckTest.CHAIN, Instant.now()))
        .isInstanceOf(InvocationTargetException.class)
        .cause().isInstanceOf(NoClassDefFoundError.class).hasMessageContaining("bouncycastle");
  }

  @Test
  void expiryCertificateInfoPemAndCaNamesNeedNoBouncyCastle() throws Exception {
    var chain = OcspCheckTest.CHAIN;
    Instant now = OcspCheckTest.NOW;
    assertThat((List<?>) call(isolated(ExpiryCheck.class.getName()), "check", chain, false,
        now, java.time.Duration.ofDays(400))).hasSize(1);
    assertThat((List<?>) call(isolated(CertificateInfo.class.getName()), "of", chain))
        .hasSize(2);
    assertThat((String) call(isolated(Pem.class.getName()), "encode", chain.get(0)))
        .startsWith("-----BEGIN CERTIFICATE-----");
    Object names = call(isolated(CaNames.class.getName()), "of", chain);
    Method nameFor = names.getClass().getMethod("nameFor", int.class, int.class, byte[].class);
    assertThat(nameFor.invoke(names, 0, 0, chain.get(1).getEncoded()))
        .isEqualTo(java.util.Optional.of("Lab Issuing CA"));
  }
}
