package com.amply.policysuite.access;

/** Counts automaton work against a {@link Budget}; throws {@link BudgetExceeded} (internal) when spent. */
final class WorkMeter {
    private final Budget budget;
    private final long deadlineNanos;
    private long used;
    private long nextClockCheck;

    private final long limit;

    WorkMeter(Budget budget) {
        this(budget, budget.maxWorkUnits(), System.nanoTime() + budget.timeLimit().toNanos());
    }

    private WorkMeter(Budget budget, long limit, long deadlineNanos) {
        this.budget = budget;
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    /** A meter for an optional step: at most {@code fraction} of what is left here; charge it back afterwards. */
    WorkMeter share(double fraction) {
        return share(fraction, Long.MAX_VALUE);
    }

    /** As {@link #share(double)}, but never more than {@code cap} units. */
    WorkMeter share(double fraction, long cap) {
        long now = System.nanoTime();
        long left = Math.max(0, limit - used);
        return new WorkMeter(budget, Math.min(cap, (long) (left * fraction)),
                now + (long) ((deadlineNanos - now) * fraction));
    }

    /** Charges what a {@link #share} used, without failing: the caller decides what to do next. */
    void absorb(WorkMeter child) {
        used += child.used;
    }

    Budget budget() {
        return budget;
    }

    long used() {
        return used;
    }

    void charge(long units) {
        used += units;
        if (used > limit) {
            throw new BudgetExceeded("work budget of " + limit + " units exceeded");
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
