package org.tradingnode.core.venue.binance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceReports;
import org.tradingnode.core.domain.venue.binance.BinanceRestCodec;
import org.tradingnode.core.venue.binance.BinanceAnswer.Ok;
import org.tradingnode.core.venue.binance.BinanceAnswer.Refused;

/**
 * Asks the venue what became of orders: one order by its client order id (its state and its
 * trades), or all of a connection's open orders at once for a reconciliation. Any answer that is
 * neither the order nor Binance's "order does not exist" fails the stage, so nothing is guessed.
 */
final class BinanceOrderLookup {
  private static final int ORDER_DOES_NOT_EXIST = -2013;
  /** Lookups of a reconciliation in flight at once: a few, well within the venue's request weight. */
  static final int LOOKUPS_AT_ONCE = 4;

  /** The venue did not answer a lookup with what was asked: the stage fails with this and the answer. */
  static final class Unanswered extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BinanceAnswer answer;

    Unanswered(String what, BinanceAnswer answer) {
      super(what + ": " + answer);
      this.answer = answer;
    }

    BinanceAnswer answer() {
      return answer;
    }
  }

  /** What the venue holds open, and every report about our orders we had not heard yet. */
  record Reconciliation(List<String> open, List<VenueReport> missed) {}

  private final BinanceRestClient rest;

  BinanceOrderLookup(BinanceRestClient rest) {
    this.rest = rest;
  }

  /**
   * The venue's open orders, then what became of each of ours, {@link #LOOKUPS_AT_ONCE} lookups at a time
   * (a connection that comes back after a failover may have dozens to ask about, and one at a time each
   * waits a round trip); the reports come in the order of {@code ours}.
   */
  CompletionStage<Reconciliation> reconcile(List<Order> ours, Map<String, Instrument> instruments) {
    return rest.signed(HttpMethods.GET, "/api/v3/openOrders", BinanceQuery.empty(), false).thenCompose(answer -> {
      if (!(answer instanceof Ok ok)) {
        throw new Unanswered("open orders", answer);
      }
      List<String> openIds = BinanceRestCodec.orders(ok.body()).stream().map(o -> o.clientOrderId()).toList();
      List<Order> known = ours.stream().filter(o -> instruments.containsKey(o.intent().symbol())).toList();
      List<CompletableFuture<List<VenueReport>>> lookups = new ArrayList<>();
      for (int i = 0; i < known.size(); i++) {
        Order order = known.get(i);
        CompletionStage<?> turn = i < LOOKUPS_AT_ONCE ? CompletableFuture.completedFuture(null)
            : lookups.get(i - LOOKUPS_AT_ONCE);
        lookups.add(turn.thenCompose(previous -> lookUp(order.clientOrderId(),
            instruments.get(order.intent().symbol()))).toCompletableFuture());
      }
      return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
        List<VenueReport> missed = new ArrayList<>();
        lookups.forEach(lookup -> missed.addAll(lookup.join()));
        return new Reconciliation(openIds, missed);
      });
    });
  }

  /** Everything the venue knows about one order, in order; empty if it never saw it. */
  CompletionStage<List<VenueReport>> lookUp(String clientOrderId, Instrument instrument) {
    BinanceQuery query = BinanceQuery.empty().with("symbol", instrument.symbol())
        .with("origClientOrderId", clientOrderId);
    return rest.signed(HttpMethods.GET, "/api/v3/order", query, false).thenCompose(answer -> {
      if (answer instanceof Refused r && r.error().code() == ORDER_DOES_NOT_EXIST) {
        return CompletableFuture.completedFuture(List.of());
      }
      if (!(answer instanceof Ok ok)) {
        throw new Unanswered("order " + clientOrderId, answer);
      }
      var order = BinanceRestCodec.order(ok.body());
      if (order.executedQuantity().signum() == 0) {
        return CompletableFuture.completedFuture(BinanceReports.of(order, List.of(), instrument));
      }
      BinanceQuery trades = BinanceQuery.empty().with("symbol", instrument.symbol()).with("orderId", order.orderId());
      return rest.signed(HttpMethods.GET, "/api/v3/myTrades", trades, false).thenApply(t -> {
        if (!(t instanceof Ok tradesOk)) {
          throw new Unanswered("trades of " + clientOrderId, t);
        }
        return BinanceReports.of(order, BinanceRestCodec.trades(tradesOk.body()), instrument);
      });
    });
  }
}
