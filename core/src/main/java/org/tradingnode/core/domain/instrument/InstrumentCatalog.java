package org.tradingnode.core.domain.instrument;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tradingnode.core.serialization.CborSerializable;

/** The instruments this node trades, by exchange and symbol. */
public record InstrumentCatalog(List<Instrument> instruments) implements CborSerializable {

  public InstrumentCatalog {
    instruments = List.copyOf(instruments);
  }

  public Optional<Instrument> find(String exchange, String symbol) {
    return instruments.stream()
        .filter(i -> i.exchange().equals(exchange) && i.symbol().equals(symbol))
        .findFirst();
  }

  public List<Instrument> onExchange(String exchange) {
    return instruments.stream().filter(i -> i.exchange().equals(exchange)).toList();
  }

  /** The named symbols of the exchange by symbol; unknown symbols are left out. */
  public Map<String, Instrument> bySymbol(String exchange, Collection<String> symbols) {
    Map<String, Instrument> result = new HashMap<>();
    for (String s : symbols) {
      find(exchange, s).ifPresent(i -> result.put(s, i));
    }
    return result;
  }

  public List<String> exchanges() {
    return instruments.stream().map(Instrument::exchange).distinct().collect(Collectors.toList());
  }
}
