package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;

/** API keys, signatures and timing checked with Binance's codes, messages and statuses. */
class BinanceSimulatorAuthTest {
  private static SimulatorFixture venue;
  private static final BinanceSigner DEMO = new BinanceSigner(SimulatorAccount.DEMO_API_SECRET);

  @BeforeAll
  static void start() {
    venue = SimulatorFixture.start();
  }

  @AfterAll
  static void stop() {
    venue.close();
  }

  @Test
  void aBadSignatureAnswersMinus1022() throws Exception {
    String query = "timestamp=" + venue.clock.millis();
    String wrong = new BinanceSigner("not-the-secret").sign(query);

    SimulatorClient.Answer answer = venue.client.send("GET", "/api/v3/account?" + query + "&signature=" + wrong, "",
        SimulatorAccount.DEMO_API_KEY);

    assertEquals(400, answer.status());
    assertEquals(-1022, answer.code());
    assertEquals("Signature for this request is not valid.", answer.msg());
  }

  @Test
  void theSignatureCoversTheQueryStringFollowedByTheBodyWithoutSeparator() throws Exception {
    String query = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
    String body = "quantity=0.0100&price=1000.00&newClientOrderId=mixed-1&timestamp=" + venue.clock.millis();
    String signature = DEMO.sign(query + body);

    SimulatorClient.Answer answer = venue.client.send("POST", "/api/v3/order?" + query,
        body + "&signature=" + signature.toUpperCase(java.util.Locale.ROOT), SimulatorAccount.DEMO_API_KEY);

    assertEquals(200, answer.status(), answer.body().toString());
    assertEquals("mixed-1", answer.body().path("clientOrderId").asText());
  }

  @Test
  void aStaleTimestampAnswersMinus1021() throws Exception {
    String query = "recvWindow=5000&timestamp=" + (venue.clock.millis() - 5001);

    SimulatorClient.Answer answer = venue.client.send("GET", "/api/v3/account?" + query + "&signature="
        + DEMO.sign(query), "", SimulatorAccount.DEMO_API_KEY);

    assertEquals(400, answer.status());
    assertEquals(-1021, answer.code());
    assertEquals("Timestamp for this request is outside of the recvWindow.", answer.msg());
  }

  @Test
  void aTimestampAheadOfTheServerAnswersMinus1021() throws Exception {
    String query = "timestamp=" + (venue.clock.millis() + Duration.ofSeconds(1).toMillis());

    SimulatorClient.Answer answer = venue.client.send("GET", "/api/v3/account?" + query + "&signature="
        + DEMO.sign(query), "", SimulatorAccount.DEMO_API_KEY);

    assertEquals(-1021, answer.code());
    assertEquals("Timestamp for this request was 1000ms ahead of the server's time.", answer.msg());
  }

  @Test
  void aRecvWindowAboveOneMinuteIsRefused() throws Exception {
    String query = "recvWindow=60001&timestamp=" + venue.clock.millis();

    SimulatorClient.Answer answer = venue.client.send("GET", "/api/v3/account?" + query + "&signature="
        + DEMO.sign(query), "", SimulatorAccount.DEMO_API_KEY);

    assertEquals(-1102, answer.code());
  }

  @Test
  void aMissingOrUnknownApiKeyAnswers401() throws Exception {
    String query = "timestamp=" + venue.clock.millis();
    String signed = "/api/v3/account?" + query + "&signature=" + DEMO.sign(query);

    SimulatorClient.Answer missing = venue.client.send("GET", signed, "", null);
    SimulatorClient.Answer unknown = venue.client.send("GET", signed, "", "someone-else");

    assertEquals(401, missing.status());
    assertEquals(-2014, missing.code());
    assertEquals("API-key format invalid.", missing.msg());
    assertEquals(401, unknown.status());
    assertEquals(-2015, unknown.code());
    assertEquals("Invalid API-key, IP, or permissions for action.", unknown.msg());
  }

  @Test
  void aSignedEndpointWithoutTimestampOrSignatureAnswersMinus1102() throws Exception {
    SimulatorClient.Answer noSignature = venue.client.send("GET", "/api/v3/account?timestamp=" + venue.clock.millis(),
        "", SimulatorAccount.DEMO_API_KEY);
    SimulatorClient.Answer noTimestamp = venue.client.send("GET", "/api/v3/account?signature=" + DEMO.sign(""), "",
        SimulatorAccount.DEMO_API_KEY);

    assertEquals(-1102, noSignature.code());
    assertEquals("Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", noSignature.msg());
    assertEquals(-1102, noTimestamp.code());
    assertEquals("Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.", noTimestamp.msg());
  }

  @Test
  void listenKeysNeedOnlyTheApiKeyAndBelongToTheirAccount() throws Exception {
    SimulatorClient.Answer started = venue.client.withApiKey("POST", "/api/v3/userDataStream", BinanceQuery.empty());
    String key = started.body().path("listenKey").asText();
    SimulatorClient.Answer again = venue.client.withApiKey("POST", "/api/v3/userDataStream", BinanceQuery.empty());
    SimulatorClient.Answer kept = venue.client.withApiKey("PUT", "/api/v3/userDataStream",
        BinanceQuery.empty().with("listenKey", key));
    SimulatorClient.Answer unknown = venue.client.withApiKey("PUT", "/api/v3/userDataStream",
        BinanceQuery.empty().with("listenKey", "no-such-key"));

    assertEquals(64, key.length());
    assertEquals(key, again.body().path("listenKey").asText());
    assertEquals("{}", kept.body().toString());
    assertEquals(-1125, unknown.code());
    assertEquals("This listenKey does not exist.", unknown.msg());
  }
}
