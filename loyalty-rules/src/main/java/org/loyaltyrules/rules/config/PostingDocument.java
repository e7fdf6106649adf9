package org.loyaltyrules.rules.config;

/**
 * One ledger posting as stored: the shape Jackson binds, as in {@link MemberDocument}. Accounts
 * are {@code TYPE:owner}, for example {@code MEMBER_AVAILABLE:ana} or {@code ISSUANCE:program};
 * the optional references are left out when absent, {@code funder} too when the operator funded
 * the points.
 *
 * <p>Immutable.
 */
record PostingDocument(Long sequence, String at, String unit, String from, String to, Long amount,
    String type, String activity, String lot, String rule, String undoes, String reversalOf,
    String reason, String funder) {}
