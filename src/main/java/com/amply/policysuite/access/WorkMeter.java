package com.amply.policysuite.access;

/** Counts automaton work against a {@link Budget}; throws {@link BudgetExceeded} (internal) when spent. */
final class WorkMeter {
    private final Budget budget;
    private final long deadlineNanos;
    private long used;
    private long nextClockCheck;

    WorkMeter(Budget budget) {
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.timeLimit().toNanos();
    }

    Budget budget() {
        return budget;
    }

    long used() {
        return used;
    }

    void charge(long units) {
        used += units;
        if (used > budget.maxWorkUnits()) {
            throw new BudgetExceeded("work budget of " + budget.maxWorkUnits() + " units exceeded");
        }
        if (used >= nextClockCheck) {
            nextClockCheck = used + 4_096;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new BudgetExceeded("time limit of " + budget.timeLimit().toMillis() + " ms exceeded");
            }
        }
    }

    void checkStates(int states, String what) {
        if (states > budget.maxAutomatonStates()) {
            throw new BudgetExceeded(what + " needs more than " + budget.maxAutomatonStates() + " automaton states");
        }
    }

    /** Internal control flow only: always caught inside the package and turned into a TOO_COMPLEX value. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
