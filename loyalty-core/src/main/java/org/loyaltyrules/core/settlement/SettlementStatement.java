package org.loyaltyrules.core.settlement;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.AccountType;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.Program;

/**
 * A coalition settlement over one period: for each partner, what it owes the program operator
 * for the points it issued and what it is owed for the points it honoured, netted and rounded
 * once; for each cause, what it is owed for donations; and for each funder, where the points it
 * paid for went ({@link PointFlows}).
 *
 * <p>A statement is a pure function of the program (its partners' rates, its causes' values, its
 * {@linkplain Program#settlementRounding() settlement rounding}) and the postings the host
 * passes: the postings of every member's ledger, in any order. Postings before the period make up
 * the opening figures, postings at or after its end are ignored, so the host may pass a whole
 * history. Only postings of the settled unit count, since partners' rates are per point of it.
 *
 * <p>The parties' positions sum to zero: each partner's {@linkplain PartnerSettlement#net() net}
 * and each cause's {@linkplain CauseSettlement#due() due} are what the operator pays them
 * (negative: what they pay the operator), and {@link #operatorNet()} is the negated sum, what the
 * operator is left with.
 *
 * <p>Immutable and thread-safe.
 */
public final class SettlementStatement {
  private final UnitId unit;
  private final Instant from;
  private final Instant until;
  private final RoundingMode rounding;
  private final ImmutableList<PartnerSettlement> partners;
  private final ImmutableList<CauseSettlement> causes;
  private final PointFlows operator;
  private final Money operatorNet;

  private SettlementStatement(UnitId unit, Instant from, Instant until, RoundingMode rounding,
      ImmutableList<PartnerSettlement> partners, ImmutableList<CauseSettlement> causes,
      PointFlows operator, Money operatorNet) {
    this.unit = unit;
    this.from = from;
    this.until = until;
    this.rounding = rounding;
    this.partners = partners;
    this.causes = causes;
    this.operator = operator;
    this.operatorNet = operatorNet;
  }

  /**
   * Settles the postings of {@code unit} made from {@code from} (inclusive) to {@code until}
   * (exclusive).
   *
   * @param program the program, for its partners, causes, currency and settlement rounding
   * @param unit the unit settled; a redeemable unit of the program
   * @param from the period's start
   * @param until the period's end; after {@code from}
   * @param postings postings of members' ledgers, in any order; earlier ones count toward the
   *     opening figures, later ones are ignored
   * @return the statement, with a line for every partner and cause the program declares
   * @throws UnknownReferenceException naming the posting if a posting of the unit names a
   *     partner or cause the program does not declare
   * @throws IllegalArgumentException naming the bad value if an argument is null, the period is
   *     empty, the unit is not a redeemable unit of the program, or a posting is null
   */
  public static SettlementStatement of(Program program, UnitId unit, Instant from,
      Instant until, Iterable<Posting> postings) {
    Checks.present(program, "program");
    Checks.present(unit, "settled unit");
    Checks.present(from, "settlement period start");
    Checks.present(until, "settlement period end");
    Checks.present(postings, "postings");
    checkArgument(from.isBefore(until), "settlement period must end after it starts: %s to %s",
        from, until);
    checkArgument(program.units().containsKey(unit) && program.units().get(unit).isRedeemable(),
        "settled unit %s is not a redeemable unit of program %s; its units are %s", unit,
        program.id(), program.units().keySet());
    Tally tally = new Tally(program);
    int index = 0;
    for (Posting p : postings) {
      checkArgument(p != null, "postings[%s] must not be null", index);
      if (p.unit().equals(unit) && p.at().isBefore(until)) {
        tally.add(p, !p.at().isBefore(from));
      }
      index++;
    }
    return tally.statement(unit, from, until);
  }

  /**
   * Settles one calendar month, read in the program's time zone.
   *
   * @throws UnknownReferenceException as {@link #of} does
   * @throws IllegalArgumentException as {@link #of} does, or if the month is null
   */
  public static SettlementStatement forMonth(Program program, UnitId unit, YearMonth month,
      Iterable<Posting> postings) {
    Checks.present(program, "program");
    Checks.present(month, "settlement month");
    Instant start = month.atDay(1).atStartOfDay(program.zone()).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(program.zone()).toInstant();
    return of(program, unit, start, end, postings);
  }

  /** Returns the unit settled. */
  public UnitId unit() {
    return unit;
  }

  /** Returns the period's start, inclusive. */
  public Instant from() {
    return from;
  }

  /** Returns the period's end, exclusive. */
  public Instant until() {
    return until;
  }

  /** Returns how each net position was rounded to the currency's minor unit. */
  public RoundingMode rounding() {
    return rounding;
  }

  /** Returns a line for every partner, in the program's declaration order. */
  public List<PartnerSettlement> partners() {
    return partners;
  }

  /** Returns the line of one partner, if the program declares it. */
  public Optional<PartnerSettlement> partner(PartnerId partner) {
    return partners.stream().filter(p -> p.partner().equals(partner)).findFirst();
  }

  /** Returns a line for every cause, in the program's declaration order. */
  public List<CauseSettlement> causes() {
    return causes;
  }

  /** Returns the line of one cause, if the program declares it. */
  public Optional<CauseSettlement> cause(CauseId cause) {
    return causes.stream().filter(c -> c.cause().equals(cause)).findFirst();
  }

  /** Returns where the points the operator funded itself went. */
  public PointFlows operatorFunded() {
    return operator;
  }

  /**
   * Returns the operator's net position: what partners pay it less what it pays partners and
   * causes, so that it and every other party's position sum to zero.
   */
  public Money operatorNet() {
    return operatorNet;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SettlementStatement s && unit.equals(s.unit) && from.equals(s.from)
        && until.equals(s.until) && rounding == s.rounding && partners.equals(s.partners)
        && causes.equals(s.causes) && operator.equals(s.operator)
        && operatorNet.equals(s.operatorNet);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(unit, from, until, rounding, partners, causes, operator,
        operatorNet);
  }

  @Override
  public String toString() {
    return "SettlementStatement[" + unit + " " + from + " to " + until + ", partners=" + partners
        + ", causes=" + causes + ", operator=" + operator + ", operatorNet=" + operatorNet + "]";
  }

  /** The running figures of one funder. */
  private static final class Flows {
    long opening;
    long issued;
    long redeemed;
    long donated;
    long transferred;
    long reversed;
    long expired;
    long forfeited;
    long adjusted;
    long outstanding;

    PointFlows toFlows() {
      return new PointFlows(opening, issued, redeemed, donated, transferred, reversed, expired,
          forfeited, adjusted, outstanding);
    }
  }

  /** The figures of a partner as a settling party. */
  private static final class Party {
    long funded;
    long honoured;
  }

  /** Sums postings into flows per funder and money per party. */
  private static final class Tally {
    private final Program program;
    private final Map<PartnerId, Flows> funders = new LinkedHashMap<>();
    private final Map<PartnerId, Party> parties = new LinkedHashMap<>();
    private final Map<CauseId, long[]> donations = new LinkedHashMap<>();
    private final Flows operator = new Flows();

    Tally(Program program) {
      this.program = program;
      for (PartnerId id : program.partners().keySet()) {
        funders.put(id, new Flows());
        parties.put(id, new Party());
      }
      for (CauseId id : program.causes().keySet()) {
        donations.put(id, new long[1]);
      }
    }

    void add(Posting p, boolean inPeriod) {
      Flows flows = p.funder().map(id -> known(funders, id, p, "funder")).orElse(operator);
      long memberEffect = (p.to().isMember() ? p.amount() : 0)
          - (p.from().isMember() ? p.amount() : 0);
      if (!inPeriod) {
        flows.opening = Math.addExact(flows.opening, memberEffect);
        flows.outstanding = Math.addExact(flows.outstanding, memberEffect);
        // Partners and causes named by earlier postings must still be known.
        partnerOf(p.from(), p);
        partnerOf(p.to(), p);
        causeOf(p.from(), p);
        causeOf(p.to(), p);
        return;
      }
      flows.outstanding = Math.addExact(flows.outstanding, memberEffect);
      long a = p.amount();
      switch (p.type()) {
        case EARN -> flows.issued = Math.addExact(flows.issued, a);
        case VEST -> { }
        case REDEEM -> flows.redeemed = Math.addExact(flows.redeemed, a);
        case DONATE -> flows.donated = Math.addExact(flows.donated, a);
        case TRANSFER -> flows.transferred = Math.addExact(flows.transferred, a);
        case RESTORE -> {
          if (p.from().type() == AccountType.CAUSE) {
            flows.donated = Math.subtractExact(flows.donated, a);
          } else {
            flows.redeemed = Math.subtractExact(flows.redeemed, a);
          }
        }
        case ADJUST, WRITE_OFF -> flows.adjusted = Math.subtractExact(flows.adjusted,
            memberEffect);
        case EXPIRE -> flows.expired = Math.addExact(flows.expired, a);
        case REVERSE -> {
          flows.reversed = Math.addExact(flows.reversed, a);
          if (p.from().type() == AccountType.BREAKAGE) {
            flows.expired = Math.subtractExact(flows.expired, a);
          }
        }
        case REPAY -> flows.reversed = Math.subtractExact(flows.reversed, a);
        case FORFEIT -> flows.forfeited = Math.addExact(flows.forfeited, a);
      }
      Party from = partnerOf(p.from(), p);
      Party to = partnerOf(p.to(), p);
      switch (p.type()) {
        case EARN, REPAY -> {
          if (from != null) {
            from.funded = Math.addExact(from.funded, a);
          }
        }
        case REVERSE -> {
          if (to != null) {
            to.funded = Math.subtractExact(to.funded, a);
          }
        }
        case REDEEM, TRANSFER -> {
          if (to != null) {
            to.honoured = Math.addExact(to.honoured, a);
          }
        }
        case RESTORE -> {
          if (from != null) {
            from.honoured = Math.subtractExact(from.honoured, a);
          }
        }
        default -> { }
      }
      long[] toCause = causeOf(p.to(), p);
      if (toCause != null && p.type() == PostingType.DONATE) {
        toCause[0] = Math.addExact(toCause[0], a);
      }
      long[] fromCause = causeOf(p.from(), p);
      if (fromCause != null && p.type() == PostingType.RESTORE) {
        fromCause[0] = Math.subtractExact(fromCause[0], a);
      }
    }

    private Party partnerOf(Account account, Posting p) {
      return account.type() == AccountType.PARTNER
          ? known(parties, PartnerId.of(account.owner()), p, "partner") : null;
    }

    private long[] causeOf(Account account, Posting p) {
      if (account.type() != AccountType.CAUSE) {
        return null;
      }
      long[] cause = donations.get(CauseId.of(account.owner()));
      if (cause == null) {
        throw new UnknownReferenceException("cause", account.owner(), "program " + program.id()
            + " (posting " + p + "; its causes are " + program.causes().keySet() + ")");
      }
      return cause;
    }

    private <T> T known(Map<PartnerId, T> map, PartnerId id, Posting p, String role) {
      T found = map.get(id);
      if (found == null) {
        throw new UnknownReferenceException("partner", id.value(), "program " + program.id()
            + " (the " + role + " of posting " + p + "; its partners are "
            + program.partners().keySet() + ")");
      }
      return found;
    }

    SettlementStatement statement(UnitId unit, Instant from, Instant until) {
      RoundingMode rounding = program.settlementRounding();
      Money total = Money.zero(program.currency());
      ImmutableList.Builder<PartnerSettlement> partnerLines = ImmutableList.builder();
      for (Partner partner : program.partners().values()) {
        Party party = parties.get(partner.id());
        Money owed = partner.fundingCost().times(party.funded);
        Money due = partner.reimbursement().times(party.honoured);
        Money net = due.minus(owed).rounded(rounding);
        total = total.plus(net);
        partnerLines.add(new PartnerSettlement(partner.id(), funders.get(partner.id()).toFlows(),
            party.funded, party.honoured, owed, due, net));
      }
      ImmutableList.Builder<CauseSettlement> causeLines = ImmutableList.builder();
      for (Cause cause : program.causes().values()) {
        long donated = donations.get(cause.id())[0];
        Money exact = cause.pointValue().times(donated);
        Money due = exact.rounded(rounding);
        total = total.plus(due);
        causeLines.add(new CauseSettlement(cause.id(), donated, exact, due));
      }
      return new SettlementStatement(unit, from, until, rounding, partnerLines.build(),
          causeLines.build(), operator.toFlows(), total.negated());
    }
  }
}
