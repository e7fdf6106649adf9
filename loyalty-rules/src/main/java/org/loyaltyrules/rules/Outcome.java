package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.decision.TraceEntry;

/**
 * What one rule yields on one activity before caps: whether it matched, the points it earns in
 * one unit (rounded), what rounding and stacking took, the lines it earned on and why. Immutable.
 *
 * @param head the rule
 * @param unit the unit it earns, if it matched
 * @param matched whether its conditions held
 * @param points the points before caps; zero or more
 * @param lostToStacking what another rule's exclusivity took
 * @param lostToRounding the fraction of a point rounding took
 * @param lines the purchase lines it earned on
 * @param firstOnly whether it is a first-purchase bonus, which a member earns once
 * @param note why, in the program's terms
 * @param error what went wrong if the rule could not be evaluated
 * @param multiplies for a multiplier's outcome, the rate whose points it multiplies: it grants
 *     in proportion to what that rate was granted
 */
record Outcome(RuleSpec.Head head, Optional<UnitId> unit, boolean matched, long points,
    long lostToStacking, BigDecimal lostToRounding, List<LineId> lines, boolean firstOnly,
    String note, Optional<String> error, Optional<RuleId> multiplies) {

  Outcome(RuleSpec.Head head, Optional<UnitId> unit, boolean matched, long points,
      long lostToStacking, BigDecimal lostToRounding, List<LineId> lines, boolean firstOnly,
      String note, Optional<String> error) {
    this(head, unit, matched, points, lostToStacking, lostToRounding, lines, firstOnly, note,
        error, Optional.empty());
  }

  Outcome(RuleSpec.Head head, Optional<UnitId> unit, boolean matched, long points,
      long lostToStacking, BigDecimal lostToRounding, List<LineId> lines, boolean firstOnly,
      String note) {
    this(head, unit, matched, points, lostToStacking, lostToRounding, lines, firstOnly, note,
        Optional.empty());
  }

  static Outcome notMatched(RuleSpec.Head head, String why) {
    return new Outcome(head, Optional.empty(), false, 0, 0, BigDecimal.ZERO, List.of(), false,
        why);
  }

  static Outcome excluded(RuleSpec.Head head, UnitId unit, long wouldBe, String why) {
    return new Outcome(head, Optional.of(unit), true, 0, wouldBe, BigDecimal.ZERO, List.of(),
        false, why);
  }

  /** The outcome of a rule that could not be evaluated. */
  static Outcome failed(RuleSpec.Head head, String error) {
    return new Outcome(head, Optional.empty(), false, 0, 0, BigDecimal.ZERO, List.of(), false,
        "could not be evaluated: " + error, Optional.of(error));
  }

  /** Returns the trace entry of this outcome once caps have granted {@code granted}. */
  TraceEntry trace(long granted) {
    return new TraceEntry(head.id(), matched, unit, granted, points - granted, lostToStacking,
        lostToRounding, note);
  }
}
