package org.loyaltyrules.rules;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.AccountClosure;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipFeeRefund;
import org.loyaltyrules.core.activity.MembershipTrial;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.internal.Steps;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;

/**
 * A program compiled for deciding: validated once, immutable, and shared by every thread. Each
 * call is a pure function of its arguments — the program-level state, the member's state, the
 * activity, the instant and a random source — and returns a {@link Decision}; nothing is parsed,
 * compiled or reflected over per call, and no input is changed.
 *
 * <p>{@link #advance} moves a member to an instant: pending points vest and lots expire, in time
 * order. {@link #decide} first applies whatever {@code advance} would apply up to its instant, so
 * a result never depends on whether the host remembered to advance. An activity already applied
 * is a {@linkplain Decision#replay() replay}: only the passage of time is applied.
 *
 * <p>This version decides purchases (rates, multipliers, offers, tier and plan multipliers,
 * minimum-spend and first-purchase bonuses, caps, tier and plan perks, member discounts),
 * returns of whole lines or part of a line's quantity (the rest of the order re-evaluated as of
 * the purchase and the difference taken back, tier credit and dividend spend included),
 * engagement events (bonuses as often as their frequency allows), challenges, stamp cards,
 * bundles and streaks with their badges (see {@link #challengeProgress} and {@link #badges}),
 * paying part of an order with
 * points, reward redemptions, donations, transfers to partners, customer-service adjustments,
 * membership fee payments, trials and refunds, account closure, and two-sided referrals: a
 * referred member's first qualifying purchase gives the friend's reward and announces
 * {@link Effect.ReferralQualified}, a return of it within the window takes that back and
 * announces {@link Effect.ReferralWithdrawn}, and on the referrer a
 * {@link ReferralCredit} gives the referrer's reward within the limit, a
 * {@link ReferralWithdrawal} takes it back.
 *
 * <p>Tiers: every member holds the ladder's base tier from the first decision; credit moves a
 * member up at once, with the tier's entry bonus; reviews when a period closes (plus the ladder's
 * grace period) keep or lower the tier. {@link #tierProgress} projects where a member stands.
 * {@link #advance} and {@code decide} also review tiers, end trials and terms, lapse memberships,
 * issue dividends and give birthday and anniversary rewards, in the order {@code TimeStep}
 * documents: tier reviews, then memberships, then dividends, then date rewards at one instant.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledProgram {
  private final Program program;
  private final RuleBook book;
  private final PurchaseEvaluator evaluator;
  private final Tiers tiers;

  private final List<Problem> warnings;

  CompiledProgram(Program program, RuleBook book, List<Problem> warnings) {
    this.program = program;
    this.book = book;
    this.warnings = List.copyOf(warnings);
    this.evaluator = new PurchaseEvaluator(book, program.earnPolicy(), program.zone());
    this.tiers = program.tiers().map(l -> new Tiers(l, program.zone())).orElse(null);
  }

  /**
   * Returns what compiling found that works, but probably not as the program's author meant,
   * such as a cap smaller than what one ordinary purchase earns under its rule. Each has its
   * path; none stops the program.
   */
  public List<Problem> warnings() {
    return warnings;
  }

  /** Returns the program this was compiled from. */
  public Program program() {
    return program;
  }

  /**
   * Moves a member to {@code to}: vests pending points, expires lots, and forgets purchases and
   * activity ids older than the program's activity horizon. Advancing to t1 and then to t2 gives
   * the same member as advancing to t2.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param to the instant to advance to; not before the member's state
   * @return the decision: expiry effects, the postings, and the advanced member
   * @throws org.loyaltyrules.core.ledger.InstantBeforeStateException if {@code to} is before the
   *     member's state
   * @throws CurrencyMismatchException if the program state is in another currency
   * @throws IllegalArgumentException if an argument is null
   */
  public Decision advance(ProgramState state, Member member, Instant to) {
    checkInputs(state, member, to);
    member.checkNotBefore(to);
    TimeStep.Step step = TimeStep.to(program, book, tiers, member, to);
    return new Decision(Optional.empty(), to, false, step.member(), step.effects(),
        step.postings(), List.of(), List.of(), List.of());
  }

  /**
   * Decides an activity for a member at an instant.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param activity the activity; it happened at or before {@code at}, within the program's
   *     activity horizon
   * @param at the instant the decision is made at; not before the member's state
   * @param random the source of any randomness the program's rules draw on
   * @return the decision
   * @throws org.loyaltyrules.core.ledger.InstantBeforeStateException if {@code at} is before the
   *     member's state
   * @throws org.loyaltyrules.core.ledger.ActivityAfterInstantException if the activity happened
   *     after {@code at}
   * @throws org.loyaltyrules.core.ledger.ActivityOutsideHorizonException if it happened before
   *     the activity horizon
   * @throws org.loyaltyrules.core.ledger.AccountClosedException if the account is closed
   * @throws org.loyaltyrules.core.ledger.InsufficientPointsException if a spending exceeds the
   *     available balance
   * @throws UnknownReferenceException if the activity names a reward, cause, partner, unit,
   *     plan, purchase or fee payment the program or member does not have
   * @throws org.loyaltyrules.core.activity.UnknownLineException if a return names a line the
   *     purchase never had
   * @throws org.loyaltyrules.core.member.ReturnExceedsPurchaseException if a return asks for more
   *     of a line than is left to return
   * @throws RewardNotAvailableException if the member's tier may not redeem the reward
   * @throws IllegalArgumentException if a donation breaks the cause's minimum or step, a
   *     spending is of a status-only unit, a fee is not the plan's, a lifetime membership is
   *     paid again, a trial is not the plan's first, a refund is not of the latest term or more
   *     than was paid, a transfer goes to a partner that takes none or is not a valid amount
   *     under its terms (the message names the nearest valid amounts), or an argument is null
   * @throws IllegalArgumentException also if a referral credit or withdrawal names the member
   *     themselves, or a referral credit comes to a program that does not reward referrals
   * @throws CurrencyMismatchException if the program state or a purchase is in another currency
   * @throws UnsupportedActivityException if this version cannot decide the kind of activity
   */
  public Decision decide(ProgramState state, Member member, Activity activity, Instant at,
      RandomGenerator random) {
    checkInputs(state, member, at);
    checkArgument(activity != null, "activity must not be null");
    checkArgument(random != null, "random source must not be null");
    member.checkNotBefore(at);
    TimeStep.Step step = TimeStep.to(program, book, tiers, member, at);
    Member advanced = step.member();
    LedgerTransaction tx = advanced.ledger().begin(program.ledgerPolicy(), activity.id(),
        activity.occurredAt(), at);
    Run run = new Run(program, book, evaluator, tiers, state, advanced, tx, at);
    run.random = random;
    if (!tx.isReplay()) {
      apply(activity, advanced, tx, run);
      run.settleTiers(activity.id());
    }
    if (run.refused) {
      return new Decision(Optional.of(activity.id()), at, false, member, List.of(), List.of(),
          List.of(), run.trace, run.errors);
    }
    LedgerResult result = tx.commit();
    List<Effect> effects = new ArrayList<>(step.effects());
    effects.addAll(TimeStep.expiries(result.postings()));
    Member after = TimeStep.tidy(program, tiers, run.finish(result.ledger()), effects);
    effects.addAll(run.effects);
    result.shortfalls().forEach(s -> effects.add(new Effect.PointsShortfall(s.unit(), s.points(),
        s.policy())));
    List<Posting> postings = new ArrayList<>(step.postings());
    postings.addAll(result.postings());
    return new Decision(Optional.of(activity.id()), at, result.replay(), after, effects,
        postings, run.changes, run.trace, run.errors);
  }

  /**
   * Previews a cart: what deciding the purchase now would give, for "the points you get if you
   * buy this". It is {@link #decide} itself — the same work, the same result — and changes
   * nothing, since nothing it is given can change; the caller simply does not store the
   * returned member.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param cart the cart, as a purchase
   * @param at the instant of the preview
   * @param random the source of any randomness the program's rules draw on
   * @return the decision the purchase would get
   * @throws IllegalArgumentException and the other exceptions of {@link #decide}
   */
  public Decision preview(ProgramState state, Member member, Purchase cart, Instant at,
      RandomGenerator random) {
    return decide(state, member, cart, at, random);
  }

  /**
   * Returns where a member stands on the tier ladder at {@code at}: the tier held, the credit of
   * the running window, what the next tier needs and what keeping the current one needs by the
   * period's close. Whatever would happen up to {@code at} — reviews included — is applied
   * first, as {@link #advance} would; nothing is changed.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param at the instant; not before the member's state
   * @return the member's standing
   * @throws IllegalStateException if the program has no tiers
   * @throws org.loyaltyrules.core.ledger.InstantBeforeStateException if {@code at} is before the
   *     member's state
   * @throws IllegalArgumentException if an argument is null
   */
  public TierProgress tierProgress(ProgramState state, Member member, Instant at) {
    checkInputs(state, member, at);
    if (tiers == null) {
      throw new IllegalStateException("program " + program.id() + " has no tiers");
    }
    member.checkNotBefore(at);
    return tiers.progress(TimeStep.to(program, book, tiers, member, at).member(), at);
  }

  /**
   * Returns where a member stands on each of the program's challenges at {@code at}, in
   * declaration order, for "2 of 3 check-ins this week" or "7 of 10 stamps": the window running,
   * the progress in it, completions and streak. Whatever would happen up to {@code at} is applied
   * first, as {@link #advance} would; nothing is changed.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param at the instant; not before the member's state
   * @return one entry per challenge; empty if the program has none
   * @throws org.loyaltyrules.core.ledger.InstantBeforeStateException if {@code at} is before the
   *     member's state
   * @throws IllegalArgumentException if an argument is null
   */
  public List<ChallengeProgress> challengeProgress(ProgramState state, Member member,
      Instant at) {
    checkInputs(state, member, at);
    member.checkNotBefore(at);
    Member advanced = TimeStep.to(program, book, tiers, member, at).member();
    return program.challenges().values().stream()
        .map(c -> Challenges.progress(program, c, advanced, at)).toList();
  }

  /**
   * Returns the badges a member holds at {@code at}, in the program's declaration order, each at
   * its level; temporary badges that lapsed by then are not held. Whatever would happen up to
   * {@code at} is applied first, as {@link #advance} would; nothing is changed.
   *
   * @param state the program-level state
   * @param member the member's state
   * @param at the instant; not before the member's state
   * @return the badges held; empty if none
   * @throws org.loyaltyrules.core.ledger.InstantBeforeStateException if {@code at} is before the
   *     member's state
   * @throws IllegalArgumentException if an argument is null
   */
  public List<BadgeStatus> badges(ProgramState state, Member member, Instant at) {
    checkInputs(state, member, at);
    member.checkNotBefore(at);
    Member advanced = TimeStep.to(program, book, tiers, member, at).member();
    return program.badges().values().stream()
        .flatMap(b -> Challenges.badge(b, advanced).stream()).toList();
  }

  /**
   * Runs a sweepstakes draw at an instant over the entries in the program-level state: winners
   * are picked weighted by entries, each member at most once per run, prize by prize in declared
   * order, until the prizes or the entrants run out. Every pick derives from one number taken
   * from {@code random}, recorded in the result as its seed, mixed with the draw's id and the
   * prize's place by SHA-256, so the same state and seed pick the same winners on every run and
   * an auditor can recompute them. Nothing is changed: the host applies the result's changes —
   * the prizes awarded, and every entry of the draw consumed so the next period starts afresh —
   * and delivers the prizes. A draw without entrants gives a result without winners.
   *
   * <pre>{@code
   * DrawResult result = compiled.runDraw(state, DrawId.of("weekly"), sundayNight,
   *     new SplittableRandom(publishedSeed));
   * state = state.apply(result.changes());
   * }</pre>
   *
   * @param state the program-level state holding the entries
   * @param draw the draw to run
   * @param at the instant it is run at
   * @param random the source of the draw's one random number
   * @return the winners, the seed, the entrants and the changes to the program-level state
   * @throws UnknownReferenceException naming the draw and the program's draws if it has none such
   * @throws CurrencyMismatchException if the program state is in another currency
   * @throws IllegalArgumentException if an argument is null
   */
  public org.loyaltyrules.core.decision.DrawResult runDraw(ProgramState state,
      org.loyaltyrules.core.DrawId draw, Instant at, RandomGenerator random) {
    checkArgument(state != null, "program state must not be null");
    checkArgument(at != null, "instant must not be null");
    checkArgument(random != null, "random source must not be null");
    if (!state.currency().equals(program.currency())) {
      throw new CurrencyMismatchException(program.currency(), state.currency(),
          "program state of " + program.id());
    }
    return Sweepstakes.run(program.draw(draw), state, at, random);
  }

  private void apply(Activity activity, Member member, LedgerTransaction tx, Run run) {
    List<Effect> effects = run.effects;
    if (activity instanceof Purchase purchase) {
      run.purchase(purchase);
    } else if (activity instanceof Return ret) {
      run.ret(ret);
    } else if (activity instanceof EngagementEvent event) {
      run.event(event);
    } else if (activity instanceof PayWithPoints pay) {
      run.pay(pay);
    } else if (activity instanceof RedeemReward redeem) {
      Reward reward = program.reward(redeem.reward());
      if (!reward.isOpenTo(member.tierId())) {
        throw new RewardNotAvailableException(reward.id(), reward.tiers(), member.tierId());
      }
      checkArgument(reward.cost() <= Ledger.MAX_POINTS / redeem.quantity(),
          "redeem %s: %s x %s points is more than the ledger's ceiling of %s", redeem.id(),
          redeem.quantity(), reward.cost(), Ledger.MAX_POINTS);
      long points = reward.cost() * redeem.quantity();
      tx.redeem(reward.unit(), points,
          reward.partner().map(Attribution.none()::withPartner).orElse(Attribution.none()));
      effects.add(new Effect.RewardRedeemed(reward.id(), redeem.quantity(), reward.unit(),
          points));
      if (reward.kind() == RewardKind.VOUCHER || reward.kind() == RewardKind.GIFT_CARD) {
        run.issueReward(redeem, reward);
      }
    } else if (activity instanceof Donation donation) {
      Cause cause = program.causes().get(donation.cause());
      if (cause == null) {
        throw new UnknownReferenceException("cause", donation.cause().value(),
            "program " + program.id() + " (it has " + program.causes().keySet() + ")");
      }
      checkArgument(cause.accepts(donation.points()), "donation %s: cause %s accepts at least %s "
              + "points in steps of %s, was %s; %s", donation.id(), cause.id(),
          cause.minimumPoints(), cause.stepPoints(), donation.points(),
          Steps.describeNearest(donation.points(), cause.minimumPoints(), cause.stepPoints()));
      tx.donate(donation.unit(), donation.points(), cause.id(), Attribution.none());
      effects.add(new Effect.DonationMade(cause.id(), donation.unit(), donation.points(),
          cause.valueOf(donation.points())));
    } else if (activity instanceof PointsTransfer transfer) {
      Partner partner = program.partners().get(transfer.partner());
      if (partner == null) {
        throw new UnknownReferenceException("partner", transfer.partner().value(),
            "program " + program.id() + " (it has " + program.partners().keySet() + ")");
      }
      TransferTerms terms = partner.transfers().orElseThrow(() -> new IllegalArgumentException(
          "points transfer " + transfer.id() + ": partner " + partner.id()
              + " takes no transfers"));
      if (!terms.accepts(transfer.points())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "points transfer %s: %s "
                + "points is not a valid amount for partner %s (at least %s, in steps of %s); %s",
            transfer.id(), transfer.points(), partner.id(), terms.minimumPoints(),
            terms.stepPoints(), Steps.describeNearest(transfer.points(), terms.minimumPoints(),
                terms.stepPoints())));
      }
      tx.transfer(transfer.unit(), transfer.points(), transfer.partner(), Attribution.none());
      effects.add(new Effect.PointsTransferred(partner.id(), transfer.unit(), transfer.points(),
          terms.partnerUnit(), terms.partnerUnitsFor(transfer.points())));
    } else if (activity instanceof MembershipFeePayment payment) {
      run.membership(Memberships.pay(program, run.membershipOf(payment.plan()), payment,
          run.at()));
    } else if (activity instanceof MembershipTrial trial) {
      run.membership(Memberships.trial(program, run.membershipOf(trial.plan()), trial,
          run.at()));
    } else if (activity instanceof MembershipFeeRefund refund) {
      run.membership(Memberships.refund(program, run.membershipOf(refund.plan()), refund,
          run.at(), member.ledger().recentActivities()));
    } else if (activity instanceof Adjustment adjustment) {
      run.adjust(adjustment);
    } else if (activity instanceof AccountClosure closure) {
      tx.close(closure.reason());
      effects.add(new Effect.AccountClosed(closure.reason()));
    } else if (activity instanceof ReferralCredit credit) {
      run.referrals().credit(credit);
    } else if (activity instanceof ReferralWithdrawal withdrawal) {
      run.referrals().withdraw(withdrawal);
    } else {
      throw new UnsupportedActivityException(activity);
    }
  }

  private void checkInputs(ProgramState state, Member member, Instant at) {
    checkArgument(state != null, "program state must not be null");
    checkArgument(member != null, "member must not be null");
    checkArgument(at != null, "instant must not be null");
    if (!state.currency().equals(program.currency())) {
      throw new CurrencyMismatchException(program.currency(), state.currency(),
          "program state of " + program.id());
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CompiledProgram[%s]", program.id());
  }
}
