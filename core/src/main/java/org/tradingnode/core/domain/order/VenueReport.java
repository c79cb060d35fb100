package org.tradingnode.core.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.tradingnode.core.serialization.CborSerializable;

/** What a venue says about one of our orders, in the order it said it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = VenueReport.Accepted.class, name = "accepted"),
  @JsonSubTypes.Type(value = VenueReport.Rejected.class, name = "rejected"),
  @JsonSubTypes.Type(value = VenueReport.Filled.class, name = "filled"),
  @JsonSubTypes.Type(value = VenueReport.Canceled.class, name = "canceled"),
  @JsonSubTypes.Type(value = VenueReport.Expired.class, name = "expired")
})
public sealed interface VenueReport extends CborSerializable {
  String clientOrderId();

  long timestamp();

  /**
   * The venue took the order; {@code fills} are what traded in the same answer (a marketable order's
   * immediate fills; none for an order that rests or when the venue reports fills separately).
   */
  record Accepted(String clientOrderId, String venueOrderId, long timestamp, List<Fill> fills)
      implements VenueReport {
    @JsonCreator
    public Accepted {
      fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** An acceptance without fills. */
    public Accepted(String clientOrderId, String venueOrderId, long timestamp) {
      this(clientOrderId, venueOrderId, timestamp, List.of());
    }
  }

  /** The venue refused the order; nothing of it exists there. */
  record Rejected(String clientOrderId, VenueRejectReason reason, String detail, long timestamp)
      implements VenueReport {}

  /** Part or all of the order traded. */
  record Filled(Fill fill) implements VenueReport {
    @Override
    public String clientOrderId() {
      return fill.clientOrderId();
    }

    @Override
    public long timestamp() {
      return fill.timestamp();
    }
  }

  /** The rest of the order was cancelled on request. */
  record Canceled(String clientOrderId, long timestamp) implements VenueReport {}

  /**
   * The rest of the order ended without a request (IOC or market remainder); {@code reason} says why in
   * words, starting with a code (e.g. {@code IOC_REMAINDER: ...}); null in reports recorded before reasons
   * were.
   */
  record Expired(String clientOrderId, long timestamp, String reason) implements VenueReport {
    /** Why an expiry recorded without a reason ended: "expired". */
    public String reasonOrDefault() {
      return reason == null ? "expired" : reason;
    }
  }
}
