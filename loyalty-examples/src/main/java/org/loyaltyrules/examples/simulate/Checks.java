package org.loyaltyrules.examples.simulate;

import java.util.List;

/** Argument checks shared by the report's data types, each naming what is wrong. */
final class Checks {
  private Checks() {}

  /** The text, which must be neither null nor blank. */
  static String text(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be " + (text == null ? "null"
          : "blank"));
    }
    return text;
  }

  /** An unmodifiable copy of the list, which must be neither null nor hold null. */
  static <T> List<T> list(List<T> list, String what) {
    if (list == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException(what + "[" + i + "] must not be null");
      }
    }
    return List.copyOf(list);
  }
}
