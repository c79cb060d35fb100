package org.tradingnode.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.persistence.query.NoOffset;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.TimeBasedUUID;

/**
 * Where a listing of a type's events goes on: for each tag slice, the offset of the last event
 * already listed (the read journal's own offsets, exclusive). Its text form is opaque to clients
 * (base64url) and rejected with a clear message when garbled.
 */
public record AuditCursor(List<Offset> offsets) {
  public AuditCursor {
    offsets = List.copyOf(offsets);
  }

  /** The cursor's text form, as handed to clients. */
  public String encode() {
    List<String> parts = new ArrayList<>();
    for (Offset offset : offsets) {
      if (offset instanceof Sequence sequence) {
        parts.add("s" + sequence.value());
      } else if (offset instanceof TimeBasedUUID time) {
        parts.add("u" + time.value());
      } else {
        parts.add("n");
      }
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(String.join(",", parts).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor handed out by {@link #encode()}; IllegalArgumentException when it is not one. */
  public static AuditCursor decode(String text, int slices) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(",");
      if (parts.length != slices) {
        throw new IllegalArgumentException("wrong slice count");
      }
      List<Offset> offsets = new ArrayList<>();
      for (String part : parts) {
        offsets.add(switch (part.isEmpty() ? ' ' : part.charAt(0)) {
          case 's' -> Offset.sequence(Long.parseLong(part.substring(1)));
          case 'u' -> Offset.timeBasedUUID(UUID.fromString(part.substring(1)));
          case 'n' -> NoOffset.getInstance();
          default -> throw new IllegalArgumentException("unknown offset");
        });
      }
      return new AuditCursor(offsets);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("after is not a cursor this API handed out", e);
    }
  }
}
