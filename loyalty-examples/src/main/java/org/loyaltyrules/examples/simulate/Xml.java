package org.loyaltyrules.examples.simulate;

/** Escaping of text from data for HTML and SVG, so any name is shown as text and stays well-formed. */
final class Xml {
  private Xml() {}

  /**
   * The text with {@code & < > " '} escaped, for element content and quoted attributes alike.
   * Characters XML 1.0 does not allow (control characters other than tab, line feed and
   * carriage return; unpaired surrogates; U+FFFE and U+FFFF) become U+FFFD, so the page stays
   * well-formed whatever a program file names.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(i + 1));
            i++;
          } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
