package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

class MarketEventCodecTest {
  private final MarketEventCodec codec = new MarketEventCodec();

  @Test
  void everyKindOfEventDecodesToAnEqualEvent() {
    for (MarketEvent event : SampleMarketEvents.aroundMidnight()) {
      byte[] line = codec.encode(event);

      assertEquals(event, codec.decode(line));
    }
  }

  @Test
  void anEncodedEventIsOneLine() {
    for (MarketEvent event : SampleMarketEvents.aroundMidnight()) {
      String line = new String(codec.encode(event), StandardCharsets.UTF_8);

      assertFalse(line.contains("\n") || line.contains("\r"), line);
    }
  }

  @Test
  void aRecordWithAFieldThisVersionDoesNotKnowStillDecodes() {
    String newer = "{\"kind\":\"trade\",\"symbol\":\"BTCUSDT\",\"timestamp\":1,\"tradeId\":2,\"price\":3.5,"
        + "\"quantity\":0.25,\"aggressor\":\"SELL\",\"venueSequence\":99}";

    assertEquals(new Trade("BTCUSDT", 1, 2, 3.5, 0.25, Side.SELL), codec.decode(newer));
  }

  @Test
  void aTruncatedRecordIsRefused() {
    byte[] whole = codec.encode(SampleMarketEvents.aroundMidnight().get(0));

    for (int length : new int[] {0, 1, whole.length / 2, whole.length - 1}) {
      byte[] torn = Arrays.copyOf(whole, length);
      assertThrows(IllegalArgumentException.class, () -> codec.decode(torn), "length " + length);
    }
  }

  @Test
  void aRecordFollowedByAnotherRecordIsRefused() {
    byte[] one = codec.encode(SampleMarketEvents.aroundMidnight().get(1));
    String two = new String(one, StandardCharsets.UTF_8) + new String(one, StandardCharsets.UTF_8);

    assertThrows(IllegalArgumentException.class, () -> codec.decode(two));
  }
}
