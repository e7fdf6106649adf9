package org.loyaltyrules.rules.config;

import java.util.List;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;

/**
 * The versioned JSON form of the state a host stores: a member's state, the program-level
 * state, decisions, lists of postings and the results of sweepstakes draws. Text in, text out;
 * the caller does the I/O.
 *
 * <pre>{@code
 * Decision decision = compiled.decide(state, member, purchase, now, random);
 * String stored = StateJson.write(decision.member());     // store it beside the postings
 * Member loaded = StateJson.readMember(stored);            // equal to decision.member()
 * }</pre>
 *
 * <p>Each document is a JSON object whose {@code format} names its kind and version:
 * {@value #MEMBER_FORMAT}, {@value #PROGRAM_STATE_FORMAT}, {@value #DECISION_FORMAT},
 * {@value #POSTINGS_FORMAT} or {@value #DRAW_RESULT_FORMAT}. Reading a document of another version or kind is a
 * {@link StateFormatException} saying what was found and what this version reads.
 *
 * <p>The form is exact: reading what was written gives a value equal to the one written, and
 * writing what was read gives the same text. Amounts and quantities are decimal text
 * ({@code "12.50"}), so their scale survives; instants are ISO-8601 ({@code
 * "2026-03-02T13:00:00Z"}), dates ISO, currencies ISO 4217 codes, ids their text, enums their
 * constant names, ledger accounts {@code TYPE:owner}, points whole numbers. Lists keep the
 * model's order; maps, whose order means nothing, are written sorted by key; values that are
 * absent are left out. Effects and program-state changes carry a {@code type} with a stable name
 * ({@code "points-earned"}, {@code "budget-spent"}, ...). The text is compact, without line
 * breaks, so equal values always give identical bytes.
 *
 * <p>Reading is strict. Every property is required except those holding an optional value,
 * which may be left out or null; an unknown property, a value of the wrong JSON type (a number
 * where text is expected, or the reverse), a duplicate property, trailing content, and any value
 * the model refuses (a lot that spent more than it earned, a voucher that expires before it was
 * issued, postings out of sequence) is a {@link StateFormatException} with the path of the
 * problem, such as {@code ledger.lots[3].amount}. No other exception is thrown for bad input.
 * The ids in a document are not checked against a program; a program change that orphans them is
 * for a compatibility check to find.
 *
 * <p>Stateless and thread-safe.
 */
public final class StateJson {
  /** The format of a member's state, written in its {@code format} property. */
  public static final String MEMBER_FORMAT = "loyalty-member/1";
  /** The format of the program-level state. */
  public static final String PROGRAM_STATE_FORMAT = "loyalty-program-state/1";
  /** The format of a decision. */
  public static final String DECISION_FORMAT = "loyalty-decision/1";
  /** The format of a list of postings. */
  public static final String POSTINGS_FORMAT = "loyalty-postings/1";
  /** The format of the result of a run of a sweepstakes draw. */
  public static final String DRAW_RESULT_FORMAT = "loyalty-draw-result/1";

  /** Every format this version reads and writes. */
  static final List<String> FORMATS = List.of(MEMBER_FORMAT, PROGRAM_STATE_FORMAT,
      DECISION_FORMAT, POSTINGS_FORMAT, DRAW_RESULT_FORMAT);

  private StateJson() {}

  /**
   * Writes a member's whole state: identity, enrollment, profile, tier status, memberships, the
   * ledger (lots, postings, deficits, open reversals, recent activity ids, closed flag, as-of
   * instant), vouchers, progress counters and the purchases that can still be returned.
   *
   * @param member the member's state
   * @return the document, format {@value #MEMBER_FORMAT}
   * @throws IllegalArgumentException if the member is null
   */
  public static String write(Member member) {
    return StateMapper.write(StateEncoder.member(present(member, "member")));
  }

  /**
   * Reads a member's state written by {@link #write(Member)}.
   *
   * @param json the document, format {@value #MEMBER_FORMAT}
   * @return the member, equal to the one written
   * @throws StateFormatException if the text is not such a document or holds a value the model
   *     refuses, naming the path of the problem
   * @throws IllegalArgumentException if the text is null
   */
  public static Member readMember(String json) {
    MemberDocument doc = StateMapper.read(present(json, "json"), MEMBER_FORMAT,
        MemberDocument.class);
    return StateDecoder.member(doc, StatePath.root());
  }

  /**
   * Writes the program-level state: budgets spent, partner settlement, draw entries, prizes
   * awarded and draw runs.
   *
   * @param state the program-level state
   * @return the document, format {@value #PROGRAM_STATE_FORMAT}
   * @throws IllegalArgumentException if the state is null
   */
  public static String write(ProgramState state) {
    return StateMapper.write(StateEncoder.programState(present(state, "program state")));
  }

  /**
   * Reads the program-level state written by {@link #write(ProgramState)}.
   *
   * @param json the document, format {@value #PROGRAM_STATE_FORMAT}
   * @return the state, equal to the one written
   * @throws StateFormatException if the text is not such a document or holds a value the model
   *     refuses, naming the path of the problem
   * @throws IllegalArgumentException if the text is null
   */
  public static ProgramState readProgramState(String json) {
    ProgramStateDocument doc = StateMapper.read(present(json, "json"), PROGRAM_STATE_FORMAT,
        ProgramStateDocument.class);
    return StateDecoder.programState(doc);
  }

  /**
   * Writes a decision: the activity, the instant, the replay flag, the member's new state (a
   * complete member document under {@code member}), the effects, the postings, the
   * program-state changes, the trace and the errors.
   *
   * @param decision the decision
   * @return the document, format {@value #DECISION_FORMAT}
   * @throws IllegalArgumentException if the decision is null
   */
  public static String write(Decision decision) {
    return StateMapper.write(StateEncoder.decision(present(decision, "decision")));
  }

  /**
   * Reads a decision written by {@link #write(Decision)}.
   *
   * @param json the document, format {@value #DECISION_FORMAT}
   * @return the decision, equal to the one written
   * @throws StateFormatException if the text is not such a document or holds a value the model
   *     refuses, naming the path of the problem
   * @throws IllegalArgumentException if the text is null
   */
  public static Decision readDecision(String json) {
    DecisionDocument doc = StateMapper.read(present(json, "json"), DECISION_FORMAT,
        DecisionDocument.class);
    return StateDecoder.decision(doc);
  }

  /**
   * Writes a list of postings, such as those of a decision, in their order.
   *
   * @param postings the postings
   * @return the document, format {@value #POSTINGS_FORMAT}
   * @throws IllegalArgumentException if the list is null or holds null
   */
  public static String writePostings(List<Posting> postings) {
    present(postings, "postings");
    for (int i = 0; i < postings.size(); i++) {
      if (postings.get(i) == null) {
        throw new IllegalArgumentException("postings[" + i + "] must not be null");
      }
    }
    return StateMapper.write(StateEncoder.postings(postings));
  }

  /**
   * Reads a list of postings written by {@link #writePostings(List)}.
   *
   * @param json the document, format {@value #POSTINGS_FORMAT}
   * @return the postings in their order, an immutable list equal to the one written
   * @throws StateFormatException if the text is not such a document or holds a value the model
   *     refuses, naming the path of the problem
   * @throws IllegalArgumentException if the text is null
   */
  public static List<Posting> readPostings(String json) {
    PostingsDocument doc = StateMapper.read(present(json, "json"), POSTINGS_FORMAT,
        PostingsDocument.class);
    return StateDecoder.postings(doc);
  }

  /**
   * Writes the result of a run of a sweepstakes draw, the audit record of the run: the draw, the
   * instant, the seed, the winners (each with the prize, the ticket drawn and the pool it was
   * drawn from), the entrants, the entries and the changes to the program-level state. With the
   * program-level state it was drawn from, an auditor recomputes every winner from the seed.
   *
   * <pre>{@code
   * DrawResult result = compiled.runDraw(state, DrawId.of("weekly"), sundayNight, random);
   * String record = StateJson.write(result);                // keep it with the announcement
   * state = state.apply(result.changes());
   * }</pre>
   *
   * @param result the result
   * @return the document, format {@value #DRAW_RESULT_FORMAT}
   * @throws IllegalArgumentException if the result is null
   */
  public static String write(DrawResult result) {
    return StateMapper.write(StateEncoder.drawResult(present(result, "draw result")));
  }

  /**
   * Reads the result of a draw written by {@link #write(DrawResult)}.
   *
   * @param json the document, format {@value #DRAW_RESULT_FORMAT}
   * @return the result, equal to the one written
   * @throws StateFormatException if the text is not such a document or holds a value the model
   *     refuses (a ticket outside its pool, a member winning twice, more winners than entrants),
   *     naming the path of the problem
   * @throws IllegalArgumentException if the text is null
   */
  public static DrawResult readDrawResult(String json) {
    DrawResultDocument doc = StateMapper.read(present(json, "json"), DRAW_RESULT_FORMAT,
        DrawResultDocument.class);
    return StateDecoder.drawResult(doc);
  }

  private static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
