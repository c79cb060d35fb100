package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;

/**
 * Events stored before a field existed are read by the node's serializer with that field empty: acceptances
 * without {@code fills}, a strategy's fills without {@code moneyScale}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredAcceptanceTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private final Serialization serialization = SerializationExtension.get(kit.system().classicSystem());

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  /** Fields as the node wrote them before {@code fills} existed, read back as the class of {@code today}. */
  private Object readStored(Object today, Map<String, Object> storedFields) throws Exception {
    var serializer = serialization.findSerializerFor(today);
    byte[] stored = JacksonObjectMapperProvider.get(kit.system().classicSystem())
        .getOrCreate("jackson-cbor", Optional.empty()).writeValueAsBytes(storedFields);
    return serialization.deserialize(stored, serializer.identifier(), Serializers.manifestFor(serializer, today))
        .get();
  }

  @Test
  void anAcceptanceStoredWithoutFillsReadsAsOneWithNone() throws Exception {
    assertEquals(new StrategyEntity.OrderAccepted("s1-1", "v1", 7L),
        readStored(new StrategyEntity.OrderAccepted("x", "y", 0L),
            Map.of("clientOrderId", "s1-1", "venueOrderId", "v1", "at", 7L)));
    assertEquals(new ExchangeConnectionEntity.OrderAccepted("s1-1", "v1", 7L),
        readStored(new ExchangeConnectionEntity.OrderAccepted("x", "y", 0L),
            Map.of("clientOrderId", "s1-1", "venueOrderId", "v1", "at", 7L)));
    assertEquals(new VenueReport.Accepted("s1-1", "v1", 7L),
        readStored(new VenueReport.Accepted("x", "y", 0L),
            Map.of("kind", "accepted", "clientOrderId", "s1-1", "venueOrderId", "v1", "timestamp", 7L)));
  }

  @Test
  void aStrategysFillStoredWithoutItsMoneyScaleReadsWithNone() throws Exception {
    Fill fill = new Fill("f1", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("100.00"), BigDecimal.ONE, BigDecimal.ZERO,
        false, 7L);
    Object storedFill = JacksonObjectMapperProvider.get(kit.system().classicSystem())
        .getOrCreate("jackson-cbor", Optional.empty()).convertValue(fill, Map.class);

    assertEquals(new StrategyEntity.OrderFilled(fill, null),
        readStored(new StrategyEntity.OrderFilled(fill, 2), Map.of("fill", storedFill)));
  }
}
