package org.loyaltyrules.core.program;

/**
 * What a reward gives the member.
 *
 * <p>Immutable and thread-safe.
 */
public enum RewardKind {
  /** Money off an order; the reward has a value. */
  DISCOUNT,
  /** A percentage off an order; the reward has a percentage. */
  PERCENT_DISCOUNT,
  /** Free shipping on an order. */
  FREE_SHIPPING,
  /** A product or service for free, such as a handcrafted drink. */
  FREE_ITEM,
  /** A voucher of a money value the member holds and applies later; the reward has a value. */
  VOUCHER,
  /** A gift card of a money value; the reward has a value. */
  GIFT_CARD,
  /** Access to an exclusive event. */
  EVENT_ACCESS,
  /** An experience, such as a trip or a class. */
  EXPERIENCE,
  /** A virtual reward, such as a badge or an avatar item. */
  VIRTUAL;

  /** Returns true for the kinds that carry a money value. */
  public boolean hasValue() {
    return this == DISCOUNT || this == VOUCHER || this == GIFT_CARD;
  }
}
