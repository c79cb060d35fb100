package org.tradingnode.persistence.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * A market event as one line of JSON (UTF-8, no line breaks), named by the event's own type name
 * ({@code "kind": "trade"}, ...). Doubles are written in their shortest exact form, so a decoded
 * event equals the encoded one. Unknown fields are ignored so that older readers read newer records.
 */
public final class MarketEventCodec {
  private final ObjectWriter writer;
  private final ObjectReader reader;

  public MarketEventCodec() {
    JsonMapper mapper = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    this.writer = mapper.writerFor(MarketEvent.class);
    this.reader = mapper.readerFor(MarketEvent.class);
  }

  public byte[] encode(MarketEvent event) {
    try {
      return writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + event, e);
    }
  }

  /** The event of one line; {@link IllegalArgumentException} when the line is not a whole record. */
  public MarketEvent decode(byte[] line) {
    try {
      return reader.readValue(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
    }
  }

  /** Same as {@link #decode(byte[])} for text read from a column. */
  public MarketEvent decode(String line) {
    return decode(line.getBytes(StandardCharsets.UTF_8));
  }
}
