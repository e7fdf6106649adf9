package org.loyaltyrules.core.activity;

/**
 * The kind of an {@link EngagementEvent}: something a member did other than buying that a
 * program may reward. Immutable and thread-safe.
 */
public enum EngagementType {
  /** The member checked in at a location or event. */
  CHECK_IN,
  /** The member wrote a review. */
  REVIEW,
  /** The member referred someone. */
  REFERRAL,
  /** The member shared something on a social network. */
  SOCIAL_SHARE,
  /** The member followed the brand on a social network. */
  SOCIAL_FOLLOW,
  /** The member created an account. */
  ACCOUNT_CREATED,
  /** The member shared a birthday. */
  BIRTHDAY_SHARED,
  /**
   * A kind the program defines itself; the event's {@code "name"} attribute says which
   * ({@link EngagementEvent#NAME}).
   */
  CUSTOM
}
