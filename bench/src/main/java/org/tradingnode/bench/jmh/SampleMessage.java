package org.tradingnode.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.marketdata.SyntheticMarket;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.serialization.CborSerializable;

/** The events and messages whose serialization is benchmarked, each with a realistic sample. */
public enum SampleMessage {
  /** A strategy's persisted intent. */
  ORDER_INTENDED,
  /** A connection's persisted fill. */
  ORDER_FILLED,
  /** Risk's persisted approval. */
  ORDER_APPROVED,
  /** What a symbol sends its subscribers: 100 events of the synthetic BTCUSDT feed. */
  MARKET_DATA_BATCH_100;

  private static final int BATCH_SIZE = 100;

  CborSerializable sample() {
    return switch (this) {
      case ORDER_INTENDED -> new StrategyEntity.OrderIntended(TradingSamples.btcLimitBuy());
      case ORDER_FILLED -> new ExchangeConnectionEntity.OrderFilled(TradingSamples.btcTakerFill(), "BTC", "USDT");
      case ORDER_APPROVED -> new RiskEntity.OrderApproved(TradingSamples.btcLimitBuy(), TradingSamples.START_TIME + 1);
      case MARKET_DATA_BATCH_100 -> new SymbolEntity.MarketDataBatch(
          TradingSamples.btcUsdt().id(), syntheticEvents(BATCH_SIZE));
    };
  }

  private static List<MarketEvent> syntheticEvents(int count) {
    SyntheticMarket market = new SyntheticMarket(TradingSamples.BTCUSDT, 60_000.0, 0.01, 42L);
    List<MarketEvent> events = new ArrayList<>();
    long timestamp = TradingSamples.START_TIME;
    while (events.size() < count) {
      events.addAll(market.next(timestamp));
      timestamp += 100;
    }
    return List.copyOf(events.subList(0, count));
  }
}
