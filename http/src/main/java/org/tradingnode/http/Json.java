package org.tradingnode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

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
      throw ApiError.badRequest("unknown_field", "unknown field '" + field(e) + "'; known: "
          + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()));
    } catch (MismatchedInputException e) {
      String field = field(e);
      String expected = expected(e.getTargetType());
      throw ApiError.badRequest("invalid_field", field.isEmpty() ? "the request body must be " + expected
          : "field '" + field + "' must be " + expected);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ApiError.badRequest("malformed_json", "request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
  }

  /** The path of the field a problem is about, as {@code params.fastPeriod} or {@code symbols[0]}. */
  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What a value of {@code type} looks like in JSON, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another kind";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list, e.g. [\"BTCUSDT\"]";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return "of another kind";
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
