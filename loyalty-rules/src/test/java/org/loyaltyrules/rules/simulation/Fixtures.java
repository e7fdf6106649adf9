package org.loyaltyrules.rules.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/** Programs and populations shared by the simulation tests. */
final class Fixtures {
  /** Two points per $1, a 100-point reward; nothing else. */
  static final String TWO_PER_DOLLAR = """
      format: loyalty-program/1
      id: two-per-dollar
      name: Two per dollar
      currency: USD
      zone: Europe/Paris
      units:
        - id: points
          name: Points
      earnRules:
        - id: base
          kind: rate
          unit: points
          points: 2
          per: 1.00
      rewards:
        - id: coffee
          name: Coffee
          unit: points
          cost: 100
          kind: free-item
      """;

  /**
   * Points that stay pending 10 days and expire 45 days after they are earned, a reward worth
   * money, a cause and paying with points: every way points move.
   */
  static final String EXPIRING = """
      format: loyalty-program/1
      id: expiring
      name: Expiring
      currency: EUR
      zone: Asia/Tokyo
      units:
        - id: points
          name: Points
          pending: 10 days
          expiry:
            after: 45 days
      earnRules:
        - id: base
          kind: rate
          unit: points
          points: 3
          per: 1.00
      rewards:
        - id: five-off
          name: Five off
          unit: points
          cost: 250
          kind: discount
          value: 5.00
      causes:
        - id: shelter
          name: Shelter
          pointValue: 0.02
          minimumPoints: 50
          stepPoints: 10
      pointsPayment:
        unit: points
        pointsPerStep: 50
        valuePerStep: 1.00
      """;

  /** Two points per $1, and a rule that cannot be evaluated and refuses the decision. */
  static final String FAILING = """
      format: loyalty-program/1
      id: failing
      name: Failing
      currency: USD
      zone: Europe/Paris
      units:
        - id: points
          name: Points
      earnRules:
        - id: base
          kind: rate
          unit: points
          points: 2
          per: 1.00
        - id: broken
          kind: formula
          unit: points
          formula: 1 / (order.total - order.total)
          onError: refuse-decision
      """;

  /** Two rewards, one three times the price of the other. */
  static final String TWO_REWARDS = TWO_PER_DOLLAR + """
        - id: cake
          name: Cake
          unit: points
          cost: 300
          kind: free-item
      """;

  private Fixtures() {}

  static CompiledProgram compile(String text) {
    ProgramFile file = ProgramFiles.read(text, ProgramFiles.Syntax.YAML);
    if (!file.errors().isEmpty()) {
      throw new IllegalStateException(file.errors().toString());
    }
    return LoyaltyRules.compile(file.program());
  }

  /** A program file under {@code src/test/resources/simulation}, compiled. */
  static CompiledProgram resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/simulation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /simulation/" + name);
      }
      return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One customer who enrols at the first visit and comes every day, buying one line at 10.00;
   * every other chance is zero.
   */
  static Population quiet() {
    return new Population(1, 10_000, Population.Enrolment.AT_FIRST_VISIT, 100,
        BigDecimal.valueOf(30), BigDecimal.valueOf(30), 1, 1, new BigDecimal("10.00"),
        new BigDecimal("10.00"), 0, 0, Population.BurnChoice.RANDOM, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        new Population.Survey(0, 3, 2, 1, 2));
  }
}
