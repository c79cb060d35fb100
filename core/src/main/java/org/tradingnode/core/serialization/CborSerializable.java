package org.tradingnode.core.serialization;

/**
 * Marker for every message, event and state that crosses a node boundary or reaches the journal;
 * bound to Jackson CBOR in the serialization config.
 */
public interface CborSerializable {}
