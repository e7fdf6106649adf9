package org.loyaltyrules.core.activity;

/** The channel a purchase was made through. Immutable and thread-safe. */
public enum Channel {
  /** On a web shop. */
  ONLINE,
  /** In a physical store. */
  IN_STORE,
  /** In the program's or the merchant's mobile app. */
  APP
}
