package dev.smtpdane.lab.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lab responder over real HTTP on loopback, both request methods of RFC 6960 A.1. */
@Timeout(20)
class LabOcspResponderTest {
  private static final HeldCertificate CA =
      HeldCertificate.builder().commonName("Responder Test CA").ca().build();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();

  private static CertificateID idOf(HeldCertificate leaf) throws Exception {
    return new CertificateID(
        new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
        new JcaX509CertificateHolder(CA.certificate()), leaf.certificate().getSerialNumber());
  }

  private static byte[] request(HeldCertificate leaf) throws Exception {
    return new OCSPReqBuilder().addRequest(idOf(leaf)).build().getEncoded();
  }

  private static OCSPResp post(LabOcspResponder r, byte[] body) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(r.url()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/ocsp-request").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    return new OCSPResp(response.body());
  }

  private static OCSPResp get(LabOcspResponder r, byte[] body) throws Exception {
    String path = URLEncoder.encode(Base64.getEncoder().encodeToString(body),
        StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(r.url() + "/" + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    return new OCSPResp(response.body());
  }

  private static HeldCertificate leaf() {
    return HeldCertificate.builder().commonName("mx.test").signedBy(CA).build();
  }

  @Test
  void postAndGetAreAnsweredWithTheChosenResponseEchoingTheCertId() throws Exception {
    HeldCertificate leaf = leaf();
    try (LabOcspResponder r = LabOcspResponder.start()) {
      r.answer(leaf.certificate().getSerialNumber(),
          OcspResponseBuilder.signedBy(CA).revoked(java.time.Instant.now(), 4));

      for (OCSPResp resp : new OCSPResp[] {post(r, request(leaf)), get(r, request(leaf))}) {
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        var single = ((BasicOCSPResp) resp.getResponseObject()).getResponses()[0];
        assertThat(single.getCertID()).isEqualTo(idOf(leaf));
        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
      }
      assertThat(r.requestedSerials()).containsExactly(leaf.certificate().getSerialNumber(),
          leaf.certificate().getSerialNumber());
    }
  }

  @Test
  void serialWithoutAnAnswerGetsUnauthorized_Rfc6960_2_3() throws Exception {
    try (LabOcspResponder r = LabOcspResponder.start()) {
      assertThat(post(r, request(leaf())).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }
  }

  @Test
  void malformedRequestGetsMalformedRequest() throws Exception {
    try (LabOcspResponder r = LabOcspResponder.start()) {
      assertThat(post(r, new byte[] {1, 2, 3}).getStatus())
          .isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }
  }

  @Test
  void verbatimAnswerIsSentAsIs() throws Exception {
    HeldCertificate leaf = leaf();
    byte[] chosen = OcspResponseBuilder.signedBy(CA).errorStatus(OcspResponseBuilder.TRY_LATER)
        .build(leaf.certificate(), CA.certificate());
    try (LabOcspResponder r = LabOcspResponder.start()) {
      r.answerVerbatim(leaf.certificate().getSerialNumber(), chosen);
      assertThat(post(r, request(leaf)).getEncoded()).isEqualTo(chosen);
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (LabOcspResponder r = LabOcspResponder.start()) {
      assertThat(URI.create(r.url()).getHost()).isEqualTo("127.0.0.1");
    }
  }
}
