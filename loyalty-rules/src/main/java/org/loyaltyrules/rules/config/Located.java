package org.loyaltyrules.rules.config;

/**
 * A bad or missing value of one field of a file being read, with the field's path, so the
 * problem is reported where it is. Used inside this package only; never escapes it.
 */
final class Located extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The field's path, such as {@code steps[2].purchase.id}. */
  final String path;

  Located(String path, String message) {
    super(message);
    this.path = path;
  }

  /** Returns {@code value}, or throws a {@link Located} "is required" at {@code path}. */
  static <T> T required(String path, T value) {
    if (value == null) {
      throw new Located(path, "is required");
    }
    return value;
  }
}
