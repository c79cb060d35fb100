package org.tradingnode.http.simulator;

import org.tradingnode.core.domain.instrument.Instrument;

/** A symbol the simulator lists: its trading rules and the price its generated market starts at. */
public record SimulatedInstrument(Instrument instrument, double startPrice) {

  public String symbol() {
    return instrument.symbol();
  }
}
