package org.loyaltyrules.examples.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/** The example's program, {@code stream-points.program.yaml}, compiled once. */
final class StreamPoints {
  static final String FILE = "stream-points.program.yaml";
  static final CompiledProgram PROGRAM = LoyaltyRules.compile(read().program());

  private StreamPoints() {}

  static ProgramFile read() {
    try (InputStream in = StreamPoints.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is not on the classpath");
      }
      return ProgramFiles.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          ProgramFiles.Syntax.YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
