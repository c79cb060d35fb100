package org.tradingnode.cluster;

import org.apache.pekko.actor.typed.RecipientRef;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.persistence.marketdata.MarketDataRecorder;

/**
 * The directory the market feeds publish through: every batch of market data told to a symbol entity
 * is also handed to the recorder, with the venue taken from the entity id ({@code exchange:symbol}).
 * The entity gets the batch first; the recorder only buffers (or drops) and returns at once.
 */
final class RecordingDirectory extends ForwardingDirectory {
  private final MarketDataRecorder recorder;

  RecordingDirectory(EntityDirectory entities, MarketDataRecorder recorder) {
    super(entities);
    this.recorder = recorder;
  }

  @Override
  RecipientRef<SymbolEntity.Command> symbol(String symbolId, RecipientRef<SymbolEntity.Command> entity) {
    String venue = symbolId.substring(0, Math.max(0, symbolId.indexOf(':')));
    return command -> {
      entity.tell(command);
      if (command instanceof SymbolEntity.PublishMarketData published) {
        recorder.recordAll(venue, published.events());
      }
    };
  }
}
