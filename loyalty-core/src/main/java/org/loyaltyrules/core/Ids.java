package org.loyaltyrules.core;

import static com.google.common.base.Preconditions.checkArgument;

/** Validation shared by the typed ids of this package. */
final class Ids {
  /** The longest id accepted, in characters. */
  static final int MAX_LENGTH = 200;

  private Ids() {}

  static String check(String kind, String value) {
    checkArgument(value != null, "%s must not be null", kind);
    checkArgument(!value.isBlank(), "%s must not be blank, was '%s'", kind, value);
    checkArgument(value.length() <= MAX_LENGTH, "%s must be at most %s characters, was %s",
        kind, MAX_LENGTH, value.length());
    checkArgument(!Character.isWhitespace(value.codePointAt(0))
            && !Character.isWhitespace(value.codePointBefore(value.length())),
        "%s must not start or end with white space, was '%s'", kind, value);
    // A loop, not a stream: ids are made on every decision.
    for (int i = 0; i < value.length(); i++) {
      checkArgument(!Character.isISOControl(value.charAt(i)),
          "%s must not contain control characters, was '%s'", kind, value);
    }
    return value;
  }
}
