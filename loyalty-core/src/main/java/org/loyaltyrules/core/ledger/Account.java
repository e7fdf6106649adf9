package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PartnerId;

/**
 * An account in the double-entry ledger: a type and its owner (a member, a partner, a cause, or
 * {@value #PROGRAM} for the program's own issuance and breakage accounts). Points of each unit
 * are counted separately in every account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the kind of account
 * @param owner who owns it: a member id, partner id, cause id, or {@value #PROGRAM}
 */
public record Account(AccountType type, String owner) implements Comparable<Account> {
  /** The owner of the program's own accounts: issuance and breakage. */
  public static final String PROGRAM = "program";

  /**
   * Validates the account.
   *
   * @throws IllegalArgumentException if a part is null or blank, or a program account has an
   *     owner other than {@value #PROGRAM}; a member, partner or cause may be called
   *     {@value #PROGRAM} too, since the account's type tells them apart
   */
  public Account {
    checkArgument(type != null, "account type must not be null");
    checkArgument(owner != null && !owner.isBlank(), "account owner must not be blank, was '%s'",
        owner);
    boolean programAccount = type == AccountType.ISSUANCE || type == AccountType.BREAKAGE;
    checkArgument(!programAccount || PROGRAM.equals(owner),
        "%s account: owner must be '%s', was '%s'", type, PROGRAM, owner);
  }

  /** Returns the account of a member's vested, spendable points. */
  public static Account memberAvailable(MemberId member) {
    checkArgument(member != null, "member id must not be null");
    return new Account(AccountType.MEMBER_AVAILABLE, member.value());
  }

  /** Returns the account of a member's pending points. */
  public static Account memberPending(MemberId member) {
    checkArgument(member != null, "member id must not be null");
    return new Account(AccountType.MEMBER_PENDING, member.value());
  }

  /** Returns the program's issuance account. */
  public static Account issuance() {
    return new Account(AccountType.ISSUANCE, PROGRAM);
  }

  /** Returns the program's breakage account, which receives expired and forfeited points. */
  public static Account breakage() {
    return new Account(AccountType.BREAKAGE, PROGRAM);
  }

  /** Returns a coalition partner's account. */
  public static Account partner(PartnerId partner) {
    checkArgument(partner != null, "partner id must not be null");
    return new Account(AccountType.PARTNER, partner.value());
  }

  /** Returns a cause's account, which receives donated points. */
  public static Account cause(CauseId cause) {
    checkArgument(cause != null, "cause id must not be null");
    return new Account(AccountType.CAUSE, cause.value());
  }

  /** Returns true for a member's available or pending account. */
  public boolean isMember() {
    return type == AccountType.MEMBER_AVAILABLE || type == AccountType.MEMBER_PENDING;
  }

  @Override
  public int compareTo(Account other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : owner.compareTo(other.owner);
  }

  /** Returns {@code TYPE:owner}, for example {@code PARTNER:hertz}. */
  @Override
  public String toString() {
    return type + ":" + owner;
  }
}
