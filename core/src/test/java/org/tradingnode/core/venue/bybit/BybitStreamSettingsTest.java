package org.tradingnode.core.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BybitStreamSettingsTest {
  private static final List<String> TOPICS = List.of("publicTrade.BTCUSDT");

  @Test
  void defaultsPingEveryTwentySecondsAsBybitAdvises() {
    BybitStreamSettings settings = BybitStreamSettings.of(BybitStreamSettings.LINEAR_URL, TOPICS);

    assertEquals(Duration.ofSeconds(20), settings.pingInterval());
    assertEquals("wss://stream.bybit.com/v5/public/linear", settings.url());
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    Duration second = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class,
        () -> new BybitStreamSettings(" ", TOPICS, second, second.multipliedBy(3), second, second));
    assertThrows(IllegalArgumentException.class,
        () -> new BybitStreamSettings("ws://x", List.of(), second, second.multipliedBy(3), second, second));
    assertThrows(IllegalArgumentException.class,
        () -> new BybitStreamSettings("ws://x", TOPICS, second, second, second, second));
    assertThrows(IllegalArgumentException.class,
        () -> new BybitStreamSettings("ws://x", TOPICS, second, second.multipliedBy(3), second, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new BybitStreamSettings("ws://x", TOPICS, Duration.ZERO, second.multipliedBy(3), second, second));
  }
}
