package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.marketdata.RecordedTradesReader;
import org.tradingnode.core.domain.marketdata.SyntheticMarket;

/**
 * The simulated Binance spot venue: the listed symbols with their markets and books, the accounts,
 * and the listenKeys of their user data streams. Every method runs on the {@link VenueThread}; a
 * refused request throws a {@link BinanceError}. Time comes in as arguments.
 */
final class SimulatedVenue {
  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int GENERATED_ID_LENGTH = 22;

  private final StreamPublisher streams;
  private final Map<String, SymbolMarket> markets = new LinkedHashMap<>();
  private final Map<String, AccountState> accounts = new LinkedHashMap<>();
  private final ListenKeys listenKeys;
  private final SplittableRandom ids;

  SimulatedVenue(SimulatorSettings settings, StreamPublisher streams) {
    this.streams = streams;
    this.listenKeys = new ListenKeys(settings.listenKeyValidity());
    this.ids = new SplittableRandom(settings.seed());
    long seed = settings.seed();
    for (SimulatedInstrument listed : settings.instruments()) {
      Instrument instrument = listed.instrument();
      double tick = instrument.tickSize().doubleValue();
      MarketSource source = settings.replays(instrument.symbol())
          ? new MarketSource.Replayed(RecordedTradesReader.readAll(settings.replayFile(), instrument.symbol()),
              settings.tickInterval().toMillis(), tick)
          : new MarketSource.Generated(new SyntheticMarket(instrument.symbol(), listed.startPrice(), tick, seed));
      markets.put(instrument.symbol(), new SymbolMarket(instrument, source,
          new DepthBook(instrument, settings.depthLevels(), new SplittableRandom(seed))));
      seed++;
    }
    for (SimulatorAccount account : settings.accounts()) {
      accounts.put(account.name(), new AccountState(account, markets, settings.fees(),
          settings.closedOrderHistory(), event -> publishUserEvent(account.name(), event)));
    }
  }

  /** One market step of every symbol; resting orders fill as the market crosses them; old listenKeys expire. */
  void step(long now) {
    for (SymbolMarket market : markets.values()) {
      for (MarketEvent event : market.step(now, streams)) {
        accounts.values().forEach(a -> a.onMarketEvent(event, now));
      }
    }
    for (String expired : listenKeys.expire(now)) {
      streams.publish(expired, SimulatorJson.write(StreamPayloads.listenKeyExpired(now, expired)));
    }
  }

  AccountState.Placement place(String account, NewOrder order, long now) {
    String clientOrderId = order.clientOrderId().orElseGet(this::generatedId);
    return accounts.get(account).place(order, clientOrderId, now);
  }

  AccountState.Cancellation cancel(String account, String symbol, Optional<Long> orderId,
      Optional<String> origClientOrderId, Optional<String> newClientOrderId, long now) {
    requireListed(symbol);
    return accounts.get(account).cancel(symbol, orderId, origClientOrderId,
        newClientOrderId.orElseGet(this::generatedId), now);
  }

  OrderRecord query(String account, String symbol, Optional<Long> orderId, Optional<String> origClientOrderId) {
    requireListed(symbol);
    return accounts.get(account).query(symbol, orderId, origClientOrderId);
  }

  List<OrderRecord> openOrders(String account, Optional<String> symbol) {
    symbol.ifPresent(this::requireListed);
    return accounts.get(account).openOrders(symbol);
  }

  List<AccountTrade> trades(String account, String symbol, Optional<Long> orderId, Optional<Long> fromId,
      Optional<Long> startTime, Optional<Long> endTime, int limit) {
    requireListed(symbol);
    return accounts.get(account).trades(symbol, orderId, fromId, startTime, endTime, limit);
  }

  AccountState.Snapshot account(String account, boolean omitZeroBalances) {
    return accounts.get(account).snapshot(omitZeroBalances);
  }

  DepthBook.Snapshot depth(String symbol, int limit) {
    return requireListed(symbol).depth(limit);
  }

  String startUserStream(String account, long now) {
    return listenKeys.start(account, now);
  }

  void keepAliveUserStream(String account, String listenKey, long now) {
    listenKeys.keepAlive(account, listenKey, now);
  }

  void closeUserStream(String account, String listenKey) {
    listenKeys.close(account, listenKey);
  }

  /** Makes every symbol's depth stream leave out at least {@code updateIds} update ids. */
  void skipDepthUpdateIds(long updateIds) {
    markets.values().forEach(m -> m.withholdDepthUpdateIds(updateIds));
  }

  /** Update ids each symbol's depth stream has still to leave out. */
  Map<String, Long> depthUpdateIdsToSkip() {
    Map<String, Long> pending = new LinkedHashMap<>();
    markets.forEach((symbol, m) -> pending.put(symbol, m.depthIdsToWithhold()));
    return pending;
  }

  /** Accepted orders per client order id, per account. */
  Map<String, Map<String, Integer>> ordersByClientOrderId() {
    Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
    accounts.forEach((name, a) -> all.put(name, a.ordersByClientOrderId()));
    return all;
  }

  /** Status and executed quantity of the latest order per client order id, per account. */
  Map<String, Map<String, String>> executionByClientOrderId() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    accounts.forEach((name, a) -> all.put(name, a.executionByClientOrderId()));
    return all;
  }

  private SymbolMarket requireListed(String symbol) {
    SymbolMarket market = markets.get(symbol);
    if (market == null) {
      throw BinanceError.invalidSymbol();
    }
    return market;
  }

  private void publishUserEvent(String account, ObjectNode event) {
    String payload = SimulatorJson.write(event);
    listenKeys.of(account).forEach(key -> streams.publish(key, payload));
    streams.publishUserData(account, payload);
  }

  private String generatedId() {
    StringBuilder id = new StringBuilder(GENERATED_ID_LENGTH);
    for (int i = 0; i < GENERATED_ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(ids.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
