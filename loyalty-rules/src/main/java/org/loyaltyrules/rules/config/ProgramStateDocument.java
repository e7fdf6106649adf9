package org.loyaltyrules.rules.config;

import java.util.Map;

/**
 * The program-level state as stored, format {@value StateJson#PROGRAM_STATE_FORMAT}: points
 * spent per budget, settlement per partner (decimal text in the state's currency), draw entries
 * per draw and member, prizes awarded per draw and prize, and runs per draw. Maps are written
 * sorted by key.
 *
 * <p>Immutable apart from the maps Jackson fills, which nothing changes afterwards.
 */
record ProgramStateDocument(String format, String currency, Map<String, Long> budgetsSpent,
    Map<String, String> settlement, Map<String, Map<String, Long>> drawEntries,
    Map<String, Map<String, Long>> prizesAwarded, Map<String, Long> drawRuns) {}
