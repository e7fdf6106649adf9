package org.loyaltyrules.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the text of a file named on the command line, within bounds: the size is checked before
 * reading and at most {@link #MAX_BYTES} are read, the bytes must be UTF-8, and everything that
 * can go wrong is an {@link Unreadable} with one line saying what.
 */
final class TextFiles {
  /** The largest file read, in bytes: 10 MB. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** A file that could not be read as text; the message is one line, without the file name. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private TextFiles() {}

  /**
   * Reads a UTF-8 text file, leaving out a leading byte order mark.
   *
   * @throws Unreadable if it is missing, not a regular file, unreadable, over {@link #MAX_BYTES},
   *     not UTF-8, or empty
   */
  static String read(Path path) throws Unreadable {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new Unreadable(describe(e));
    }
    if (attributes.isDirectory()) {
      throw new Unreadable("is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw new Unreadable("is not a regular file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(attributes.size());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new Unreadable(describe(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length); // it grew after its size was checked
    }
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new Unreadable("the file is empty");
    }
    return text;
  }

  private static Unreadable tooLarge(long size) {
    return new Unreadable(String.format(Locale.ROOT, "the file is %,d bytes; at most %,d "
        + "(10 MB) are read", size, MAX_BYTES));
  }

  /** The bytes as UTF-8, or the line and value of the first byte that is not. */
  private static String decode(byte[] bytes) throws Unreadable {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new Unreadable(String.format(Locale.ROOT, "line %d: the file is not UTF-8 text "
          + "(byte 0x%02X at offset %d)", line, bytes[at] & 0xFF, at));
    }
    out.flip();
    return out.toString();
  }

  /** One line for an I/O failure: what went wrong, without the file name. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "the file is not UTF-8 text";
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      reason = e.getClass().getSimpleName();
    }
    return "cannot be read: " + Report.oneLine(reason);
  }
}
