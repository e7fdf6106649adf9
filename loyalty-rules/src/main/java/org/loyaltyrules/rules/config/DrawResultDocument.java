package org.loyaltyrules.rules.config;

import java.util.List;

/**
 * The result of a run of a sweepstakes draw as stored, format
 * {@value StateJson#DRAW_RESULT_FORMAT}: the draw, the instant it ran at, the seed taken from
 * the random source (a whole number, as Java's {@code long}), the winners in the order the
 * prizes were drawn, the entrants and entries, and the changes to the program-level state.
 *
 * <p>Immutable apart from the lists Jackson fills, which nothing changes afterwards.
 */
record DrawResultDocument(String format, String draw, String at, Long seed,
    List<Winner> winners, Long entrants, Long entries, List<ChangeDocument> changes) {

  /** One prize drawn: the prize, the winner, the ticket drawn and the pool it was drawn from. */
  record Winner(String prize, String member, Long ticket, Long pool) {}
}
