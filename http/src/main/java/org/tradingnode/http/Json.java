package org.tradingnode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON of the control API. Money is written as a decimal string (never a binary float); request
 * bodies with fields the API does not know are refused, so a misspelt limit is not silently ignored.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .registerModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()));

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  /** Parses a request body; any problem becomes a 400 that says what was wrong. */
  public static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw ApiError.badRequest("malformed_json", "request body is empty; expected a JSON object");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiError.badRequest("malformed_json", "expected a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiError.badRequest("unknown_field", "unknown field '" + e.getPropertyName() + "'");
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed_json", "request body is not valid JSON for this call: "
          + e.getOriginalMessage());
    }
  }

  private static final class PlainDecimal extends StdSerializer<BigDecimal> {
    PlainDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.stripTrailingZeros().toPlainString());
    }
  }
}
