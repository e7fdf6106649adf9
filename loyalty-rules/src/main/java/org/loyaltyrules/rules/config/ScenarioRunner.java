package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipFeeRefund;
import org.loyaltyrules.core.activity.MembershipTrial;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.settlement.CauseSettlement;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.PointFlows;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ScenarioDefinition.ExpectDefinition;
import org.loyaltyrules.rules.config.ScenarioDefinition.LineDefinition;
import org.loyaltyrules.rules.config.ScenarioDefinition.SettlementExpectation;
import org.loyaltyrules.rules.config.ScenarioDefinition.StepDefinition;
import org.loyaltyrules.rules.config.ScenarioDefinition.VoucherExpectation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Runs one scenario: reads it and its program, then decides each step as a host would — the
 * member's state carried from step to step, the program state too — and checks what each step
 * expects. Everything the texts can get wrong becomes a problem or a failure, never an
 * exception. One runner per run; not thread-safe.
 */
final class ScenarioRunner {
  private final List<Problem> problems = new ArrayList<>();
  private final List<ScenarioResult.Failure> failures = new ArrayList<>();
  /** The program the scenario runs, for expectations that ask it where a member stands. */
  private CompiledProgram compiledProgram;
  private String name = "scenario";
  private org.loyaltyrules.rules.spi.Extensions extensions;
  private java.util.Set<String> units = java.util.Set.of();
  private java.util.Set<String> rules = java.util.Set.of();
  private int steps;
  /** The program-level state after the latest step, as the run keeps it. */
  private ProgramState programState;

  private ScenarioRunner() {}

  static ScenarioResult run(String text, Function<String, String> programs,
      org.loyaltyrules.rules.spi.Extensions extensions) {
    if (extensions == null) {
      throw new IllegalArgumentException("extensions must not be null");
    }
    if (text == null) {
      throw new IllegalArgumentException("scenario text must not be null");
    }
    if (programs == null) {
      throw new IllegalArgumentException("program loader must not be null");
    }
    ScenarioRunner runner = new ScenarioRunner();
    runner.extensions = extensions;
    try {
      runner.runAll(text, programs);
    } catch (RuntimeException e) {
      // A gap in the checks above: still a problem of the text, never an exception.
      runner.problems.add(new Problem("(file)", "the scenario could not be run: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
              + e.getMessage())));
    }
    return new ScenarioResult(runner.name, runner.problems, runner.failures, runner.steps);
  }

  private void runAll(String text, Function<String, String> programs) {
    ScenarioDefinition scenario = read(text);
    if (scenario == null) {
      return;
    }
    if (scenario.name() != null) {
      name = scenario.name();
    }
    CompiledProgram compiled = program(scenario.program(), programs);
    if (compiled == null || scenario.member() == null || scenario.steps() == null) {
      if (scenario.member() == null) {
        problems.add(new Problem("member", "is required"));
      }
      if (scenario.steps() == null) {
        problems.add(new Problem("steps", "is required"));
      }
      return;
    }
    Program program = compiled.program();
    ZoneId zone = program.zone();
    units = new java.util.TreeSet<>();
    program.units().keySet().forEach(u -> units.add(u.value()));
    rules = ruleIds(program);
    Member member;
    try {
      member = member(scenario.member(), zone);
    } catch (IllegalArgumentException | LoyaltyException | java.time.DateTimeException e) {
      problems.add(new Problem(e instanceof Located l ? l.path : "member", e.getMessage()));
      return;
    }
    if (!program.segments().isEmpty() && scenario.member().segments() != null) {
      List<String> segments = scenario.member().segments();
      for (int i = 0; i < segments.size(); i++) {
        if (!program.segments().contains(segments.get(i))) {
          problems.add(new Problem("member.segments[" + i + "]", "unknown segment '"
              + segments.get(i) + "'" + org.loyaltyrules.core.internal.Names.nearest(
                  segments.get(i), program.segments()).map(x -> "; did you mean '" + x + "'?")
                  .orElse("; the program's segments are " + program.segments())));
        }
      }
      if (!problems.isEmpty()) {
        return;
      }
    }
    ProgramState state = ProgramState.initial(program.currency());
    SplittableRandom random = new SplittableRandom(scenario.seed() == null ? 1 : scenario.seed());
    for (int i = 0; i < scenario.steps().size(); i++) {
      StepDefinition step = scenario.steps().get(i);
      String at = "steps[" + i + "]";
      if (step == null) {
        problems.add(new Problem(at, "an empty step; a step has an 'at' and an activity"));
        return;
      }
      Instant when;
      Activity activity;
      try {
        when = instant(at + ".at", required(at + ".at", step.at()), zone);
        if (when.isBefore(member.asOf())) {
          throw new Located(at + ".at", step.at() + " is before the member's state, as of "
              + member.asOf().atZone(zone).toLocalDateTime() + "; steps go forward in time");
        }
        activity = activity(at, step, when, program);
      } catch (IllegalArgumentException | LoyaltyException | java.time.DateTimeException e) {
        problems.add(new Problem(e instanceof Located l ? l.path : at, e.getMessage()));
        return;
      }
      steps++;
      Decision decision;
      String refused = null;
      try {
        decision = activity == null ? compiled.advance(state, member, when)
            : compiled.decide(state, member, activity, when, random);
      } catch (LoyaltyException | IllegalArgumentException | java.time.DateTimeException e) {
        decision = null;
        refused = e.getMessage();
      }
      if (decision != null && decision.isRefused()) {
        refused = decision.errors().stream().filter(DecisionError::refusesDecision)
            .map(DecisionError::message).findFirst().orElse("refused");
      }
      if (decision != null && !decision.isRefused()) {
        member = decision.member();
        state = state.apply(decision.programStateChanges());
      }
      programState = state;
      compiledProgram = compiled;
      check(i, at + ".expect", step.expect(), decision, refused, member, program);
    }
  }

  private ScenarioDefinition read(String text) {
    JsonNode tree;
    try {
      tree = Documents.read(text, ProgramFiles.Syntax.YAML);
    } catch (Documents.BadDocument e) {
      problems.add(new Problem("(file)", e.getMessage()));
      return null;
    }
    JsonNode format = tree.isObject() ? tree.get("format") : null;
    if (format == null || !format.isString()
        || !format.asString().equals(ScenarioDefinition.FORMAT)) {
      String shown = format == null ? "" : format.isString() ? ", not '" + format.asString()
          + "'" : ", not " + (format.isArray() ? "a list" : format.isObject() ? "a mapping"
              : format.toString());
      problems.add(new Problem("format", "a scenario file starts with 'format: "
          + ScenarioDefinition.FORMAT + "'" + shown));
      return null;
    }
    List<Problem> shape = SchemaCheck.scenario().check(tree);
    if (!shape.isEmpty()) {
      problems.addAll(shape);
      return null;
    }
    try {
      return Documents.mapper(ProgramFiles.Syntax.YAML).treeToValue(tree,
          ScenarioDefinition.class);
    } catch (tools.jackson.databind.exc.UnrecognizedPropertyException e) {
      List<String> known = new ArrayList<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      known.sort(null);
      problems.add(new Problem(path(e), "'" + e.getPropertyName() + "' is not a field here"
          + org.loyaltyrules.core.internal.Names.nearest(e.getPropertyName(), known)
              .map(x -> "; did you mean '" + x + "'?").orElse("; the fields here are " + known)));
      return null;
    } catch (tools.jackson.databind.exc.MismatchedInputException e) {
      problems.add(new Problem(path(e), "has the wrong shape: expected "
          + shape(e.getTargetType())));
      return null;
    } catch (JacksonException e) {
      problems.add(new Problem(path(e), e.getOriginalMessage().lines().findFirst().orElse("")));
      return null;
    }
  }

  /** What a field of a type is written as, for a message. */
  private static String shape(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return "text";
  }

  /** The path in the file of a binding error: {@code steps[2].purchase.lines[0].price}. */
  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "(file)" : out.toString();
  }

  private CompiledProgram program(String file, Function<String, String> programs) {
    if (file == null) {
      problems.add(new Problem("program", "is required: the program file to run, relative to "
          + "the scenario file"));
      return null;
    }
    String text;
    ProgramFile read;
    ProgramFiles.Syntax syntax;
    try {
      syntax = ProgramFiles.Syntax.of(file);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("program", e.getMessage()));
      return null;
    }
    try {
      text = programs.apply(file);
      read = ProgramFiles.read(text, syntax, extensions);
    } catch (RuntimeException e) {
      problems.add(new Problem("program", "cannot read '" + file + "': " + e.getMessage()));
      return null;
    }
    for (Problem p : read.errors()) {
      problems.add(new Problem("program", file + ": " + p));
    }
    if (!read.isValid()) {
      return null;
    }
    try {
      return LoyaltyRules.compile(read.program(), extensions);
    } catch (InvalidProgramException e) {
      problems.add(new Problem("program", file + ": " + e.getMessage()));
      return null;
    }
  }

  private static Member member(ScenarioDefinition.MemberDefinition m, ZoneId zone) {
    Member member = Member.enroll(MemberId.of(required("member.id", m.id())),
        instant("member.enrolled", required("member.enrolled", m.enrolled()), zone));
    var profile = member.profile();
    if (m.birthday() != null) {
      try {
        profile = profile.withBirthday(LocalDate.parse(m.birthday()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new Located("member.birthday", "'" + m.birthday() + "' is not a date such as "
            + "'1990-03-18'");
      }
    }
    if (m.segments() != null) {
      profile = profile.withSegments(new LinkedHashSet<>(m.segments()));
    }
    if (m.attributes() != null) {
      for (Map.Entry<String, String> a : m.attributes().entrySet()) {
        profile = profile.withAttribute(a.getKey(), a.getValue());
      }
    }
    member = member.withProfile(profile);
    if (m.referredBy() != null) {
      Member enrolled = member;
      member = located("member.referredBy", () -> enrolled.withReferrer(
          MemberId.of(m.referredBy())));
    }
    return member;
  }

  /** A local date-time in the program's zone, at a field's path if it is not one. */
  private static Instant instant(String path, String local, ZoneId zone) {
    try {
      LocalDateTime at = Texts.dateTime(local);
      if (zone.getRules().getValidOffsets(at).isEmpty()) {
        throw new Located(path, local + " does not exist in " + zone + ": the clocks skip it");
      }
      return at.atZone(zone).toInstant();
    } catch (Located e) {
      throw e;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new Located(path, e.getMessage());
    }
  }

  /** Reads an enum value written in kebab case, at a field's path if it is not one. */
  private static <E extends Enum<E>> E enumAt(String path, String text, Class<E> type) {
    try {
      return Texts.enumValue(required(path, text), type);
    } catch (Located e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new Located(path, e.getMessage());
    }
  }

  private static <T> T required(String path, T value) {
    return Located.required(path, value);
  }

  /** The step's activity; null for a time advance. */
  private static Activity activity(String at, StepDefinition s, Instant when, Program program) {
    int given = (s.purchase() != null ? 1 : 0) + (s.giveBack() != null ? 1 : 0)
        + (s.event() != null ? 1 : 0) + (s.redeem() != null ? 1 : 0)
        + (s.payWithPoints() != null ? 1 : 0) + (s.donate() != null ? 1 : 0)
        + (s.transfer() != null ? 1 : 0) + (s.payFee() != null ? 1 : 0) + (s.refundFee() != null ? 1 : 0)
        + (s.startTrial() != null ? 1 : 0) + (s.adjust() != null ? 1 : 0)
        + (s.referralCredit() != null ? 1 : 0) + (s.referralWithdrawal() != null ? 1 : 0)
        + (Boolean.TRUE.equals(s.advance()) ? 1 : 0);
    if (given != 1) {
      throw new Located(at, "a step has exactly one of purchase, return, event, redeem, "
          + "payWithPoints, donate, transfer, payFee, refundFee, startTrial, adjust, "
          + "referralCredit, referralWithdrawal and advance: true; "
          + "this one has " + given);
    }
    if (s.purchase() != null) {
      var p = s.purchase();
      Purchase.Builder b = Purchase.builder(ActivityId.of(required(at + ".purchase.id", p.id())),
          when);
      if (p.channel() != null) {
        b.channel(enumAt(at + ".purchase.channel", p.channel(), Channel.class));
      }
      if (p.tax() != null) {
        b.tax(Money.of(p.tax(), program.currency()));
      }
      if (p.shipping() != null) {
        b.shipping(Money.of(p.shipping(), program.currency()));
      }
      if (p.partner() != null) {
        b.partner(PartnerId.of(p.partner()));
      }
      if (p.instrument() != null) {
        b.paymentInstrument(p.instrument());
      }
      List<LineDefinition> lines = required(at + ".purchase.lines", p.lines());
      for (int i = 0; i < lines.size(); i++) {
        LineDefinition l = lines.get(i);
        String la = at + ".purchase.lines[" + i + "]";
        PurchaseLine line = PurchaseLine.of(LineId.of(required(la + ".id", l.id())),
            l.sku() == null ? l.id() : l.sku(), required(la + ".category", l.category()),
            l.quantity() == null ? BigDecimal.ONE : l.quantity(),
            Money.of(required(la + ".price", l.price()), program.currency()));
        if (l.tags() != null) {
          line = line.withTags(new LinkedHashSet<>(l.tags()));
        }
        if (l.unit() != null) {
          line = line.withUnitOfMeasure(l.unit());
        }
        if (l.partner() != null) {
          line = line.withPartner(PartnerId.of(l.partner()));
        }
        b.line(line);
      }
      return b.build();
    } else if (s.giveBack() != null) {
      var r = s.giveBack();
      List<ReturnLine> lines = new ArrayList<>();
      List<ScenarioDefinition.ReturnLineDefinition> returned = required(at + ".return.lines",
          r.lines());
      for (int i = 0; i < returned.size(); i++) {
        var l = returned.get(i);
        String la = at + ".return.lines[" + i + "]";
        if (l == null) {
          throw new Located(la, "is empty; give the line and, for part of it, the quantity");
        }
        lines.add(ReturnLine.of(LineId.of(required(la + ".line", l.line())),
            l.quantity() == null ? BigDecimal.ONE : l.quantity()));
      }
      return Return.of(ActivityId.of(required(at + ".return.id", r.id())), when,
          ActivityId.of(required(at + ".return.purchase", r.purchase())), lines);
    } else if (s.event() != null) {
      var e = s.event();
      return new EngagementEvent(ActivityId.of(required(at + ".event.id", e.id())), when,
          enumAt(at + ".event.type", e.type(), EngagementType.class),
          e.attributes() == null ? Map.of() : e.attributes());
    } else if (s.redeem() != null) {
      var r = s.redeem();
      return new RedeemReward(ActivityId.of(required(at + ".redeem.id", r.id())), when,
          RewardId.of(required(at + ".redeem.reward", r.reward())),
          r.quantity() == null ? 1 : r.quantity());
    } else if (s.payWithPoints() != null) {
      var p = s.payWithPoints();
      return new PayWithPoints(ActivityId.of(required(at + ".payWithPoints.id", p.id())), when,
          ActivityId.of(required(at + ".payWithPoints.purchase", p.purchase())),
          unit(program, p.unit()), required(at + ".payWithPoints.points", p.points()));
    } else if (s.donate() != null) {
      var d = s.donate();
      return new Donation(ActivityId.of(required(at + ".donate.id", d.id())), when,
          CauseId.of(required(at + ".donate.cause", d.cause())), unit(program, d.unit()),
          required(at + ".donate.points", d.points()));
    } else if (s.transfer() != null) {
      var t = s.transfer();
      return new PointsTransfer(ActivityId.of(required(at + ".transfer.id", t.id())), when,
          PartnerId.of(required(at + ".transfer.partner", t.partner())), unit(program, t.unit()),
          required(at + ".transfer.points", t.points()));
    } else if (s.payFee() != null) {
      var f = s.payFee();
      String fa = at + ".payFee";
      ActivityId id = activityId(fa + ".id", f.id());
      PlanId plan = plan(fa + ".plan", f.plan(), program);
      Money amount = money(fa + ".amount", f.amount(), program);
      return located(fa, () -> new MembershipFeePayment(id, when, plan, amount));
    } else if (s.refundFee() != null) {
      var f = s.refundFee();
      String fa = at + ".refundFee";
      ActivityId id = activityId(fa + ".id", f.id());
      PlanId plan = plan(fa + ".plan", f.plan(), program);
      Money amount = money(fa + ".amount", f.amount(), program);
      ActivityId payment = activityId(fa + ".payment", f.payment());
      return located(fa, () -> new MembershipFeeRefund(id, when, plan, amount, payment));
    } else if (s.startTrial() != null) {
      var t = s.startTrial();
      String ta = at + ".startTrial";
      ActivityId id = activityId(ta + ".id", t.id());
      PlanId plan = plan(ta + ".plan", t.plan(), program);
      return located(ta, () -> new MembershipTrial(id, when, plan));
    } else if (s.adjust() != null) {
      var a = s.adjust();
      String aa = at + ".adjust";
      ActivityId id = activityId(aa + ".id", a.id());
      UnitId unit = located(aa + ".unit", () -> unit(program, a.unit()));
      if (!program.units().containsKey(unit)) {
        throw new Located(aa + ".unit", "unknown unit '" + unit + "'; the program's units are "
            + new java.util.TreeSet<>(program.units().keySet().stream().map(UnitId::value)
                .toList()));
      }
      long points = required(aa + ".points", a.points());
      String reason = required(aa + ".reason", a.reason());
      return located(aa, () -> new Adjustment(id, when, unit, points, reason));
    } else if (s.referralCredit() != null || s.referralWithdrawal() != null) {
      boolean credit = s.referralCredit() != null;
      var r = credit ? s.referralCredit() : s.referralWithdrawal();
      String ra = at + (credit ? ".referralCredit" : ".referralWithdrawal");
      ActivityId id = activityId(ra + ".id", r.id());
      String friendText = required(ra + ".friend", r.friend());
      MemberId friend = located(ra + ".friend", () -> MemberId.of(friendText));
      ActivityId purchase = activityId(ra + ".purchase", r.purchase());
      return located(ra, () -> credit ? new ReferralCredit(id, when, friend, purchase)
          : new ReferralWithdrawal(id, when, friend, purchase));
    }
    return null;
  }

  /** Makes a part of a step, reporting what the model refuses at the part's path. */
  private static <T> T located(String path, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (Located e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new Located(path, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static ActivityId activityId(String path, String id) {
    String text = required(path, id);
    return located(path, () -> ActivityId.of(text));
  }

  private static Money money(String path, BigDecimal amount, Program program) {
    BigDecimal value = required(path, amount);
    return located(path, () -> Money.of(value, program.currency()));
  }

  /** The plan named, which the program must have. */
  private static PlanId plan(String path, String plan, Program program) {
    String text = required(path, plan);
    PlanId id = located(path, () -> PlanId.of(text));
    if (!program.plans().containsKey(id)) {
      throw new Located(path, unknownPlan(text, program));
    }
    return id;
  }

  /** Says that a plan is not the program's, and which plans it has. */
  private static String unknownPlan(String plan, Program program) {
    java.util.Set<String> plans = new java.util.TreeSet<>();
    program.plans().keySet().forEach(p -> plans.add(p.value()));
    return "unknown plan '" + plan + "'" + (plans.isEmpty() ? "; the program has no plans"
        : org.loyaltyrules.core.internal.Names.nearest(plan, plans)
            .map(x -> "; did you mean '" + x + "'?")
            .orElse("; the program's plans are " + plans));
  }

  /** The unit named, or the program's only unit if none is named. */
  private static UnitId unit(Program program, String unit) {
    if (unit != null) {
      return UnitId.of(unit);
    }
    if (program.units().size() != 1) {
      throw new IllegalArgumentException("name the unit: the program has "
          + program.units().keySet());
    }
    return program.units().keySet().iterator().next();
  }

  private void check(int step, String at, ExpectDefinition e, Decision d, String refused,
      Member member, Program program) {
    int n = step + 1;
    if (e != null) {
      known(n, at, e, program);
    }
    if (e == null) {
      if (refused != null) {
        fail(n, at.replace(".expect", ""), "the step was refused: " + refused);
      }
      return;
    }
    if (e.refused() != null && e.refused().isBlank()) {
      fail(n, at + ".refused", "must say what the refusal says, such as 'insufficient'");
    } else if (e.refused() != null) {
      if (refused == null) {
        fail(n, at + ".refused", "expected the step to be refused (" + e.refused()
            + "), but it was decided");
      } else if (!refused.toLowerCase(Locale.ROOT).contains(e.refused()
          .toLowerCase(Locale.ROOT))) {
        fail(n, at + ".refused", "expected a refusal saying '" + e.refused() + "', was: "
            + refused);
      }
    } else if (refused != null) {
      fail(n, at, "the step was refused: " + refused);
    }
    if (e.available() != null) {
      e.available().forEach((unit, points) -> {
        if (hasUnit(unit)) {
          expectEqual(n, at + ".available." + unit, points, member.available(UnitId.of(unit)));
        }
      });
    }
    if (e.pending() != null) {
      e.pending().forEach((unit, points) -> {
        if (hasUnit(unit)) {
          expectEqual(n, at + ".pending." + unit, points, member.pending(UnitId.of(unit)));
        }
      });
    }
    if (e.tier() != null) {
      String actual = member.tierId().map(t -> t.value()).orElse("none");
      if (!actual.equals(e.tier())) {
        fail(n, at + ".tier", "expected tier " + e.tier() + ", was " + actual);
      }
    }
    if (e.vouchers() != null && e.vouchers().stream().allMatch(v -> v.value() != null
        && (v.status() == null || VOUCHER_STATUSES.contains(v.status())))) {
      vouchers(n, at + ".vouchers", e.vouchers(), member);
    }
    if (e.memberships() != null) {
      e.memberships().forEach((plan, status) -> {
        if (hasPlan(plan, program) && MEMBERSHIP_STATUSES.contains(status)) {
          String actual = member.membership(PlanId.of(plan))
              .map(m -> Texts.kebab(m.status())).orElse("none");
          if (!actual.equals(status)) {
            fail(n, at + ".memberships." + plan, "expected membership " + status + ", was "
                + actual);
          }
        }
      });
    }
    if (e.settlement() != null) {
      settlement(n, at + ".settlement", e.settlement(), member, program);
    }
    if (e.entries() != null) {
      e.entries().forEach((draw, entries) -> {
        if (program.draws().keySet().stream().noneMatch(id -> id.value().equals(draw))) {
          fail(n, at + ".entries." + draw, "unknown draw '" + draw + "'; the program's draws "
              + "are " + program.draws().keySet());
        } else {
          expectEqual(n, at + ".entries." + draw, entries, programState
              .drawEntries(org.loyaltyrules.core.DrawId.of(draw)).getOrDefault(member.id(), 0L));
        }
      });
    }
    if (e.challenges() != null) {
      List<org.loyaltyrules.rules.ChallengeProgress> standing =
          compiledProgram.challengeProgress(programState, member, member.asOf());
      e.challenges().forEach((id, progress) -> {
        Optional<org.loyaltyrules.rules.ChallengeProgress> found = standing.stream()
            .filter(c -> c.challenge().value().equals(id)).findFirst();
        if (found.isEmpty()) {
          fail(n, at + ".challenges." + id, "unknown challenge '" + id + "'; the program's "
              + "challenges are " + program.challenges().keySet());
        } else if (progress == null || found.get().progress().compareTo(progress) != 0) {
          fail(n, at + ".challenges." + id, "expected progress "
              + (progress == null ? "a number" : progress.toPlainString()) + " in window "
              + found.get().window() + ", was " + found.get().progress().toPlainString()
              + " of " + found.get().target().toPlainString());
        }
      });
    }
    if (e.badges() != null) {
      List<org.loyaltyrules.rules.BadgeStatus> held =
          compiledProgram.badges(programState, member, member.asOf());
      e.badges().forEach((id, level) -> {
        if (program.badges().keySet().stream().noneMatch(b -> b.value().equals(id))) {
          fail(n, at + ".badges." + id, "unknown badge '" + id + "'; the program's badges are "
              + program.badges().keySet());
          return;
        }
        String actual = held.stream().filter(b -> b.badge().value().equals(id))
            .map(org.loyaltyrules.rules.BadgeStatus::levelName).findFirst().orElse("none");
        if (!actual.equals(level)) {
          fail(n, at + ".badges." + id, "expected badge level " + level + ", was " + actual);
        }
      });
    }
    if (d == null) {
      // Refused by an exception: nothing was decided, so nothing was granted or issued.
      if (e.granted() != null || e.notes() != null || e.effects() != null
          || e.perks() != null || e.discount() != null || e.errors() != null
          || e.replay() != null || e.referral() != null) {
        fail(n, at, "the step was refused, so there is no decision whose granted points, notes, "
            + "effects, perks, discount, errors or replay could be checked; expect only "
            + "refused and balances");
      }
      return;
    }
    if (e.granted() != null) {
      e.granted().forEach((rule, points) -> {
        if (rules.contains(rule)) {
          expectEqual(n, at + ".granted." + rule, points, d.trace().stream()
              .filter(t -> traces(rule, t)).mapToLong(TraceEntry::granted).sum());
        }
      });
    }
    if (e.notes() != null) {
      e.notes().forEach((rule, note) -> {
        if (!rules.contains(rule)) {
          return;
        }
        List<String> notes = d.trace().stream().filter(t -> traces(rule, t))
            .map(TraceEntry::note).toList();
        if (notes.stream().noneMatch(x -> x.contains(note))) {
          fail(n, at + ".notes." + rule, "expected a trace note containing '" + note
              + "', was " + (notes.isEmpty() ? "no trace entry for the rule" : notes));
        }
      });
    }
    if (e.effects() != null) {
      Map<String, Integer> counts = new HashMap<>();
      for (Effect effect : d.effects()) {
        counts.merge(kind(effect), 1, Integer::sum);
      }
      e.effects().forEach((kind, count) -> {
        if (EFFECT_KINDS.contains(kind)) {
          expectEqual(n, at + ".effects." + kind, (long) count, counts.getOrDefault(kind, 0));
        }
      });
    }
    if (e.perks() != null && e.perks().stream().allMatch(perks(program)::contains)) {
      List<String> want = e.perks().stream().distinct().sorted().toList();
      List<String> have = d.effects().stream().filter(x -> x instanceof Effect.PerkGranted)
          .map(x -> ((Effect.PerkGranted) x).perk()).distinct().sorted().toList();
      if (!want.equals(have)) {
        fail(n, at + ".perks", "expected perks " + want + ", were " + have);
      }
    }
    if (e.discount() != null) {
      BigDecimal granted = d.effects().stream().filter(x -> x instanceof Effect.DiscountGranted)
          .map(x -> ((Effect.DiscountGranted) x).amount().amount())
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (granted.compareTo(e.discount()) != 0) {
        fail(n, at + ".discount", "expected a discount of " + plain(e.discount()) + ", was "
            + plain(granted));
      }
    }
    if (e.errors() != null) {
      List<String> messages = d.errors().stream().map(DecisionError::message).toList();
      if (messages.size() != e.errors().size()) {
        fail(n, at + ".errors", "expected " + e.errors().size() + " error"
            + (e.errors().size() == 1 ? "" : "s") + ", was " + messages);
      } else {
        for (int i = 0; i < messages.size(); i++) {
          if (!messages.get(i).contains(e.errors().get(i))) {
            fail(n, at + ".errors[" + i + "]", "expected an error containing '"
                + e.errors().get(i) + "', was: " + messages.get(i));
          }
        }
      }
    }
    if (e.replay() != null && e.replay() != d.replay()) {
      fail(n, at + ".replay", "expected replay " + e.replay() + ", was " + d.replay());
    }
    if (e.referral() != null) {
      referral(n, at + ".referral", e.referral(), d);
    }
  }

  /**
   * Whether every unit, rule, effect kind, perk, plan, membership status and voucher status the
   * expectation names exists, so a typo fails the step instead of comparing against nothing —
   * {@code available: {starz: 0}} would otherwise hold.
   */
  private void known(int n, String at, ExpectDefinition e, Program program) {
    for (Map<String, Long> balances : java.util.Arrays.asList(e.available(), e.pending())) {
      if (balances != null) {
        String which = balances == e.available() ? ".available." : ".pending.";
        balances.keySet().stream().filter(u -> !units.contains(u)).forEach(u -> fail(n,
            at + which + u, "unknown unit '" + u + "'; the program's units are " + units));
      }
    }
    for (Map<String, ?> byRule : java.util.Arrays.asList(e.granted(), e.notes())) {
      if (byRule != null) {
        String which = byRule == e.granted() ? ".granted." : ".notes.";
        byRule.keySet().stream().filter(r -> !rules.contains(r)).forEach(r -> fail(n,
            at + which + r, "unknown rule '" + r + "'" + org.loyaltyrules.core.internal.Names
                .nearest(r, rules).map(x -> "; did you mean '" + x + "'?")
                .orElse("; the program's rules are " + rules)));
      }
    }
    if (e.effects() != null) {
      e.effects().keySet().stream().filter(k -> !EFFECT_KINDS.contains(k)).forEach(k -> fail(n,
          at + ".effects." + k, "unknown effect '" + k + "'; the effects are "
              + EFFECT_KINDS));
    }
    if (e.perks() != null) {
      java.util.Set<String> perks = perks(program);
      for (int i = 0; i < e.perks().size(); i++) {
        String p = e.perks().get(i);
        if (!perks.contains(p)) {
          fail(n, at + ".perks[" + i + "]", "unknown perk '" + p + "'" + (perks.isEmpty()
              ? "; the program grants no perks" : org.loyaltyrules.core.internal.Names
                  .nearest(p, perks).map(x -> "; did you mean '" + x + "'?")
                  .orElse("; the program's perks are " + perks)));
        }
      }
    }
    if (e.memberships() != null) {
      e.memberships().forEach((plan, status) -> {
        if (!hasPlan(plan, program)) {
          fail(n, at + ".memberships." + plan, unknownPlan(plan, program));
        } else if (!MEMBERSHIP_STATUSES.contains(status)) {
          fail(n, at + ".memberships." + plan, "'" + status + "' is not one of "
              + MEMBERSHIP_STATUSES);
        }
      });
    }
    if (e.vouchers() != null) {
      for (int i = 0; i < e.vouchers().size(); i++) {
        VoucherExpectation v = e.vouchers().get(i);
        if (v.value() == null) {
          fail(n, at + ".vouchers[" + i + "].value", "is required");
        }
        if (v.status() != null && !VOUCHER_STATUSES.contains(v.status())) {
          fail(n, at + ".vouchers[" + i + "].status", "'" + v.status() + "' is not one of "
              + VOUCHER_STATUSES);
        }
      }
    }
  }

  /** Checks a month's settlement over the member's postings. */
  private void settlement(int n, String at, SettlementExpectation e, Member member,
      Program program) {
    if (e.month() == null) {
      fail(n, at + ".month", "is required, such as 2026-03");
      return;
    }
    java.time.YearMonth month;
    try {
      month = java.time.YearMonth.parse(e.month());
    } catch (java.time.format.DateTimeParseException x) {
      fail(n, at + ".month", "'" + e.month() + "' is not a month such as 2026-03");
      return;
    }
    List<UnitId> redeemable = program.units().values().stream()
        .filter(u -> u.isRedeemable()).map(u -> u.id()).toList();
    UnitId unit;
    if (e.unit() != null) {
      unit = UnitId.of(e.unit());
      if (!redeemable.contains(unit)) {
        fail(n, at + ".unit", "'" + e.unit() + "' is not a redeemable unit; the program's are "
            + redeemable);
        return;
      }
    } else if (redeemable.size() == 1) {
      unit = redeemable.get(0);
    } else {
      fail(n, at + ".unit", "is required: the program has redeemable units " + redeemable);
      return;
    }
    SettlementStatement statement = SettlementStatement.forMonth(program, unit, month,
        member.ledger().postings());
    if (e.partners() != null) {
      e.partners().forEach((partner, net) -> {
        Optional<PartnerSettlement> line = statement.partner(PartnerId.of(partner));
        if (line.isEmpty()) {
          fail(n, at + ".partners." + partner, "unknown partner '" + partner
              + "'; the program's partners are " + program.partners().keySet());
        } else if (line.get().net().amount().compareTo(net) != 0) {
          fail(n, at + ".partners." + partner, "expected a net of " + plain(net) + ", was "
              + plain(line.get().net().amount()) + " (reimbursement due "
              + plain(line.get().reimbursementDue().amount()) + " for " + line.get().honoured()
              + " points honoured, funding owed " + plain(line.get().fundingOwed().amount())
              + " for " + line.get().fundedPoints() + " points funded)");
        }
      });
    }
    if (e.causes() != null) {
      e.causes().forEach((cause, due) -> {
        Optional<CauseSettlement> line = statement.cause(CauseId.of(cause));
        if (line.isEmpty()) {
          fail(n, at + ".causes." + cause, "unknown cause '" + cause
              + "'; the program's causes are " + program.causes().keySet());
        } else if (line.get().due().amount().compareTo(due) != 0) {
          fail(n, at + ".causes." + cause, "expected " + plain(due) + " due, was "
              + plain(line.get().due().amount()) + " for " + line.get().donated()
              + " points donated");
        }
      });
    }
    if (e.operator() != null && statement.operatorNet().amount().compareTo(e.operator()) != 0) {
      fail(n, at + ".operator", "expected the operator's net to be " + plain(e.operator())
          + ", was " + plain(statement.operatorNet().amount()));
    }
    if (e.outstanding() != null) {
      e.outstanding().forEach((funder, points) -> {
        Optional<PointFlows> flows = "operator".equals(funder)
            ? Optional.of(statement.operatorFunded())
            : statement.partner(PartnerId.of(funder)).map(PartnerSettlement::funded);
        if (flows.isEmpty()) {
          fail(n, at + ".outstanding." + funder, "unknown funder '" + funder
              + "'; name a partner " + program.partners().keySet() + " or 'operator'");
        } else {
          expectEqual(n, at + ".outstanding." + funder, points, flows.get().outstanding());
        }
      });
    }
  }

  /** Checks the referral news a decision announces: which referrer each effect names. */
  private void referral(int n, String at, ScenarioDefinition.ReferralExpectation e, Decision d) {
    List<String> qualified = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    for (Effect effect : d.effects()) {
      if (effect instanceof Effect.ReferralQualified q) {
        qualified.add(q.referrer().value());
      } else if (effect instanceof Effect.ReferralWithdrawn w) {
        withdrawn.add(w.referrer().value());
      }
    }
    if (e.qualified() != null && !qualified.equals(List.of(e.qualified()))) {
      fail(n, at + ".qualified", "expected the referral by " + e.qualified() + " to qualify, "
          + (qualified.isEmpty() ? "but no referral qualified" : "was " + qualified));
    }
    if (e.withdrawn() != null && !withdrawn.equals(List.of(e.withdrawn()))) {
      fail(n, at + ".withdrawn", "expected the referral by " + e.withdrawn() + " to be "
          + "withdrawn, " + (withdrawn.isEmpty() ? "but no referral was" : "was " + withdrawn));
    }
  }

  private boolean hasUnit(String unit) {
    return units.contains(unit);
  }

  private static boolean hasPlan(String plan, Program program) {
    return program.plans().keySet().stream().anyMatch(p -> p.value().equals(plan));
  }

  /** The perks the program's tiers and plans grant, sorted. */
  private static java.util.Set<String> perks(Program program) {
    java.util.Set<String> perks = new java.util.TreeSet<>();
    program.tiers().ifPresent(t -> t.tiers().forEach(x -> perks.addAll(x.perks())));
    program.plans().values().forEach(p -> perks.addAll(p.perks()));
    return perks;
  }

  private static String plain(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }

  /** The ids rules have in a decision's trace: declared rules, offers, tiers and plans. */
  /**
   * Whether a trace entry is the named rule's: the rule itself, or for {@code challenge:ID} the
   * challenge's grant in any window ({@code challenge:ID@WINDOW}).
   */
  private static boolean traces(String rule, TraceEntry t) {
    String traced = t.rule().value();
    return traced.equals(rule) || rule.startsWith("challenge:") && traced.startsWith(rule + "@");
  }

  private static java.util.Set<String> ruleIds(Program program) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    program.earnRules().forEach(r -> ids.add(r.id().value()));
    program.offers().keySet().forEach(o -> {
      ids.add("offer:" + o.value());
      ids.add("offer:" + o.value() + ":bonus");
    });
    program.tiers().ifPresent(t -> t.tiers().forEach(x -> ids.add("tier:" + x.id().value())));
    program.plans().keySet().forEach(p -> ids.add("plan:" + p.value()));
    program.challenges().keySet().forEach(c -> ids.add("challenge:" + c.value()));
    if (program.referral().isPresent()) {
      ids.add("referral:friend");
      ids.add("referral:referrer");
    }
    return ids;
  }

  private static final java.util.Set<String> EFFECT_KINDS = effectKinds();
  private static final java.util.Set<String> VOUCHER_STATUSES = java.util.Arrays.stream(
          org.loyaltyrules.core.member.VoucherStatus.values()).map(Texts::kebab)
      .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  /** A membership's statuses as scenarios write them, and {@code none} for no membership. */
  private static final java.util.Set<String> MEMBERSHIP_STATUSES = membershipStatuses();

  private static java.util.Set<String> membershipStatuses() {
    java.util.Set<String> statuses = new java.util.TreeSet<>(List.of("none"));
    for (org.loyaltyrules.core.member.MembershipStatus s
        : org.loyaltyrules.core.member.MembershipStatus.values()) {
      statuses.add(Texts.kebab(s));
    }
    return java.util.Collections.unmodifiableSet(statuses);
  }

  private static java.util.Set<String> effectKinds() {
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    for (Class<?> type : Effect.class.getPermittedSubclasses()) {
      kinds.add(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
          .toLowerCase(Locale.ROOT));
    }
    return java.util.Collections.unmodifiableSet(kinds);
  }

  private void vouchers(int n, String at, List<VoucherExpectation> expected, Member member) {
    List<String> want = new ArrayList<>();
    for (VoucherExpectation v : expected) {
      want.add(v.value().stripTrailingZeros().toPlainString() + " " + (v.status() == null
          ? "issued" : v.status()));
    }
    List<String> have = new ArrayList<>();
    for (Voucher v : member.vouchers().values()) {
      have.add(v.value().amount().stripTrailingZeros().toPlainString() + " "
          + Texts.kebab(v.status()));
    }
    want.sort(null);
    have.sort(null);
    if (!want.equals(have)) {
      fail(n, at, "expected vouchers " + want + ", were " + have);
    }
  }

  /** An effect's kind as scenario files write it: {@code points-earned}. */
  static String kind(Effect effect) {
    return effect.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }

  private void expectEqual(int n, String at, long expected, long actual) {
    if (expected != actual) {
      fail(n, at, "expected " + expected + ", was " + actual);
    }
  }

  private void fail(int step, String path, String message) {
    failures.add(new ScenarioResult.Failure(step, path, message));
  }
}
