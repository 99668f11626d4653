package com.amply.policysuite.access;

import java.time.Duration;

/**
 * Limits that keep the analysis bounded on hostile input. When any is exceeded the answer is
 * {@code TOO_COMPLEX}, which callers must treat as FAIL (never as PASS).
 *
 * @param maxStatements       statements per policy
 * @param maxPatternLength    characters in one action or resource pattern (AWS ARNs are at most 2048)
 * @param maxPatternStates    DFA states for one pattern (guards against {@code *a??????...} blow-up)
 * @param maxAutomatonStates  DFA states of any intermediate automaton (unions, differences, intersections)
 * @param maxWorkUnits        deterministic work counter over all automaton construction in one call
 *                            (roughly one unit per state/transition-interval visited)
 * @param timeLimit           wall-clock safety net for one call, checked alongside the work counter
 */
public record Budget(
        int maxStatements,
        int maxPatternLength,
        int maxPatternStates,
        int maxAutomatonStates,
        long maxWorkUnits,
        Duration timeLimit) {

    public static final int DEFAULT_MAX_STATEMENTS = 10_000;
    public static final int DEFAULT_MAX_PATTERN_LENGTH = 2_048;
    public static final int DEFAULT_MAX_PATTERN_STATES = 4_096;
    public static final int DEFAULT_MAX_AUTOMATON_STATES = 50_000;
    public static final long DEFAULT_MAX_WORK_UNITS = 20_000_000L;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    public Budget {
        if (timeLimit == null || timeLimit.isNegative()) {
            timeLimit = DEFAULT_TIME_LIMIT;
        }
    }

    public static Budget defaults() {
        return new Budget(DEFAULT_MAX_STATEMENTS, DEFAULT_MAX_PATTERN_LENGTH, DEFAULT_MAX_PATTERN_STATES,
                DEFAULT_MAX_AUTOMATON_STATES, DEFAULT_MAX_WORK_UNITS, DEFAULT_TIME_LIMIT);
    }

    public Budget withMaxWorkUnits(long units) {
        return new Budget(maxStatements, maxPatternLength, maxPatternStates, maxAutomatonStates, units, timeLimit);
    }

    public Budget withMaxAutomatonStates(int states) {
        return new Budget(maxStatements, maxPatternLength, maxPatternStates, states, maxWorkUnits, timeLimit);
    }

    public Budget withMaxStatements(int statements) {
        return new Budget(statements, maxPatternLength, maxPatternStates, maxAutomatonStates, maxWorkUnits, timeLimit);
    }
}
