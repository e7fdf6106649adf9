package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/**
 * Every example program is also a program file, and the file gives exactly the program the Java
 * class builds: both roads lead to the same program. Writing the program and reading it back is
 * lossless, in YAML and in JSON.
 */
class ProgramFilesTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("starbucks.program.yaml", Starbucks.program()),
        Arguments.of("petsmart-treats.program.yaml", PetSmartTreats.program()),
        Arguments.of("sweetgreen.program.yaml", Sweetgreen.program()),
        Arguments.of("odacite.program.yaml", Odacite.program()),
        Arguments.of("sephora.program.yaml", Sephora.program()),
        Arguments.of("virgin-atlantic-flying-club.program.yaml", VirginAtlantic.program()),
        Arguments.of("world-of-hyatt.program.yaml", WorldOfHyatt.program()),
        Arguments.of("amazon-prime.program.yaml", AmazonPrime.program()),
        Arguments.of("rei-co-op.program.yaml", ReiCoop.program()),
        Arguments.of("toms-passport.program.yaml", TomsPassport.program()),
        Arguments.of("pack-coalition.program.yaml", PackCoalition.program()),
        Arguments.of("united-mileageplus.program.yaml", UnitedMileagePlus.program()),
        Arguments.of("coffee-stamp-card.program.yaml", CoffeeStampCard.program()),
        Arguments.of("course-bundles.program.yaml", CourseBundles.program()),
        Arguments.of("swarm-perks.program.yaml", SwarmPerks.program()),
        Arguments.of("starbucks-challenges.program.yaml", StarbucksChallenges.program()),
        Arguments.of("referral-program.program.yaml", ReferralProgram.program()));
  }

  /** The text of an example file, from the classpath. */
  static String text(String file) throws IOException {
    try (InputStream in = ProgramFilesTest.class.getResourceAsStream("/programs/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theFileGivesTheProgramTheJavaClassBuilds(String file, Program built) throws IOException {
    ProgramFile read = ProgramFiles.read(text(file), ProgramFiles.Syntax.of(file));
    assertThat(read.problems()).isEmpty();
    assertThat(read.program()).isEqualTo(built);
  }

  /** File, then program, then file again: the same fields and values, comments aside. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theDefinitionSurvivesTheProgram(String file, Program built) throws IOException {
    tools.jackson.databind.ObjectMapper yaml = tools.jackson.dataformat.yaml.YAMLMapper.builder()
        .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
    String original = text(file);
    String again = ProgramFiles.write(ProgramFiles.read(original, ProgramFiles.Syntax.YAML)
        .program(), ProgramFiles.Syntax.YAML);
    assertThat(yaml.readTree(again)).isEqualTo(yaml.readTree(original));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void writingAndReadingBackIsLossless(String file, Program built) {
    for (ProgramFiles.Syntax syntax : ProgramFiles.Syntax.values()) {
      String written = ProgramFiles.write(built, syntax);
      Program again = ProgramFiles.read(written, syntax).program();
      assertThat(again).isEqualTo(built);
      assertThat(ProgramFiles.write(again, syntax)).isEqualTo(written);
    }
  }
}
