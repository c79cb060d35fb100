package org.tradingnode.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tradingnode.core.domain.market.PriceLevel;

/**
 * One side of a generated book on a fixed grid of price slots, slot 0 being one tick from the mid:
 * which slots hold a level. Changes keep the number of levels constant.
 */
final class BookSideGrid {

  private static final double TICK = 0.01;
  private static final double REPLACE_LEVEL_PROBABILITY = 0.15;

  private final long midTicks;
  private final int direction;
  private final boolean[] occupied;
  private final int levels;

  /**
   * @param direction -1 for bids (below the mid), +1 for asks (above it)
   * @param slots grid size, more than {@code levels}
   * @param levels number of levels, held in the best {@code levels} slots at first
   */
  BookSideGrid(long midTicks, int direction, int slots, int levels) {
    this.midTicks = midTicks;
    this.direction = direction;
    this.occupied = new boolean[slots];
    this.levels = levels;
    for (int slot = 0; slot < levels; slot++) {
      occupied[slot] = true;
    }
  }

  /** Every level of the side with a random size, best first. */
  List<PriceLevel> allLevels(SplittableRandom random) {
    List<PriceLevel> all = new ArrayList<>();
    for (int slot = 0; slot < occupied.length; slot++) {
      if (occupied[slot]) {
        all.add(new PriceLevel(price(slot), size(random)));
      }
    }
    return all;
  }

  /**
   * Makes {@code count} changes, adding the levels they touch to {@code changes}: mostly a new size
   * for a level near the top, sometimes the removal of such a level (size 0) and a new level in a
   * free slot.
   */
  void change(int count, SplittableRandom random, List<PriceLevel> changes) {
    for (int i = 0; i < count; i++) {
      int slot = occupiedSlotNearTop(random);
      if (random.nextDouble() < REPLACE_LEVEL_PROBABILITY) {
        int free = freeSlot(random);
        occupied[slot] = false;
        occupied[free] = true;
        changes.add(new PriceLevel(price(slot), 0.0));
        changes.add(new PriceLevel(price(free), size(random)));
      } else {
        changes.add(new PriceLevel(price(slot), size(random)));
      }
    }
  }

  private int occupiedSlotNearTop(SplittableRandom random) {
    double u = random.nextDouble();
    int rank = (int) (u * u * levels);
    for (int slot = 0; slot < occupied.length; slot++) {
      if (occupied[slot] && rank-- == 0) {
        return slot;
      }
    }
    throw new IllegalStateException("fewer than " + levels + " levels on the side");
  }

  private int freeSlot(SplittableRandom random) {
    int pick = random.nextInt(occupied.length - levels);
    for (int slot = 0; slot < occupied.length; slot++) {
      if (!occupied[slot] && pick-- == 0) {
        return slot;
      }
    }
    throw new IllegalStateException("no free slot on the side");
  }

  private double price(int slot) {
    return (midTicks + direction * (slot + 1L)) * TICK;
  }

  private static double size(SplittableRandom random) {
    return Math.round(random.nextDouble(0.001, 3.0) * 100_000.0) / 100_000.0;
  }
}
