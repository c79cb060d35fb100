package org.tradingnode.core.entity;

/**
 * Events of each entity type are tagged {@code <type>-<n>} with n = hash of the id modulo a fixed
 * count, so that audits and projections can read all events of a type in order, in parallel slices.
 */
public final class EventTags {
  public static final int SLICES = 4;

  private EventTags() {}

  public static String tagFor(String entityType, String entityId) {
    return tag(entityType, Math.floorMod(entityId.hashCode(), SLICES));
  }

  /** The tag of one slice, {@code 0 <= slice < SLICES}: what a projection of that slice reads. */
  public static String tag(String entityType, int slice) {
    if (slice < 0 || slice >= SLICES) {
      throw new IllegalArgumentException("slice " + slice + " is not in 0.." + (SLICES - 1));
    }
    return entityType + "-" + slice;
  }
}
