package org.tradingnode.http.simulator;

import java.math.BigDecimal;

/** An asset's balance: free to trade, and locked by open orders. */
record AssetBalance(String asset, BigDecimal free, BigDecimal locked) {}
