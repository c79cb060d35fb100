package org.tradingnode.core.domain.venue.binance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a Binance REST request in the order they are sent. Binance signs the query
 * string exactly as sent, so the order is kept and every value is percent-encoded (RFC 3986
 * unreserved characters stay as they are, everything else is UTF-8 percent-encoded).
 */
public final class BinanceQuery {
  private final List<Map.Entry<String, String>> params;

  private BinanceQuery(List<Map.Entry<String, String>> params) {
    this.params = params;
  }

  public static BinanceQuery empty() {
    return new BinanceQuery(List.of());
  }

  /** A copy with one more parameter at the end; a null value leaves the parameter out. */
  public BinanceQuery with(String name, Object value) {
    if (value == null) {
      return this;
    }
    List<Map.Entry<String, String>> more = new ArrayList<>(params);
    more.add(Map.entry(name, value.toString()));
    return new BinanceQuery(Collections.unmodifiableList(more));
  }

  public List<Map.Entry<String, String>> params() {
    return params;
  }

  public Optional<String> get(String name) {
    return params.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
  }

  /** {@code a=1&b=2}, percent-encoded: the bytes that are signed and sent. */
  public String encoded() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> p : params) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(percentEncode(p.getKey())).append('=').append(percentEncode(p.getValue()));
    }
    return out.toString();
  }

  /**
   * Parses a received query string or form body. Repeated names keep their first value; an element
   * without {@code =} is taken as a name with an empty value.
   */
  public static BinanceQuery parse(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return empty();
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (String part : encoded.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = percentDecode(eq < 0 ? part : part.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(part.substring(eq + 1));
      seen.putIfAbsent(name, value);
    }
    List<Map.Entry<String, String>> list = new ArrayList<>();
    seen.forEach((k, v) -> list.add(Map.entry(k, v)));
    return new BinanceQuery(Collections.unmodifiableList(list));
  }

  static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes and {@code +} as a space; a broken escape is kept literally. */
  static String percentDecode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '%' && isEscape(value, i)) {
        out.write((Character.digit(value.charAt(i + 1), 16) << 4) + Character.digit(value.charAt(i + 2), 16));
        i += 3;
      } else if (c == '+') {
        out.write(' ');
        i++;
      } else {
        int codePoint = value.codePointAt(i);
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isEscape(String value, int at) {
    return at + 2 < value.length()
        && Character.digit(value.charAt(at + 1), 16) >= 0
        && Character.digit(value.charAt(at + 2), 16) >= 0;
  }

  @Override
  public String toString() {
    return encoded();
  }
}
