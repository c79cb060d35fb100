package org.tradingnode.core.entity;

import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.serialization.CborSerializable;

/** The trading mode as the coordinator holds it: since when and why. */
public record ModeView(TradingMode mode, String reason, long since) implements CborSerializable {}
