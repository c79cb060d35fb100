package org.tradingnode.core.entity;

/**
 * Events of each entity type are tagged {@code <type>-<n>} with n = hash of the id modulo a fixed
 * count, so that audits and projections can read all events of a type in order, in parallel slices.
 */
public final class EventTags {
  public static final int SLICES = 4;

  private EventTags() {}

  public static String tagFor(String entityType, String entityId) {
    return sliceTag(entityType, Math.floorMod(entityId.hashCode(), SLICES));
  }

  /** The tag of one slice of an entity type, {@code 0 <= slice < SLICES}. */
  public static String sliceTag(String entityType, int slice) {
    return entityType + "-" + slice;
  }
}
