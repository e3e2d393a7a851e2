package io.switchboard.bench.search;

import io.switchboard.bench.load.Bench;
import io.switchboard.bench.load.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Drives a {@link RateSearch} with real steps. A failed step is run again up to {@code attempts} times in all and the
 * last run decides, since on a shared two-core machine a neighbour's burst can fail a step the server would sustain;
 * every run is kept in the result, so a re-run is visible.
 */
public final class SearchRun {

    private static final double MIN_RATE = 10;

    private final SearchPlan plan;

    public SearchRun(SearchPlan plan) {
        this.plan = plan;
    }

    public void run(Bench bench, Map<String, Object> result) {
        bench.warmUp(plan.startRate() / 2, plan.warmupSeconds());
        RateSearch search = new RateSearch(plan.startRate(), plan.growth(), plan.refineSteps(), plan.maxSteps(),
                MIN_RATE, plan.maxRate());
        List<Object> steps = new ArrayList<>();
        result.put("steps", steps);
        Map<String, Object> atBest = null;
        for (OptionalDouble r = search.next(); r.isPresent(); r = search.next()) {
            StepResult step = attempt(bench, r.getAsDouble(), steps);
            search.record(r.getAsDouble(), step.sustained());
            if (step.sustained() && r.getAsDouble() >= search.best()) {
                atBest = step.details();
            }
        }
        result.put("maxSustainableRate", Math.round(search.best()));
        result.put("firstFailingRate", search.firstFailure() == 0 ? null : Math.round(search.firstFailure()));
        result.put("ceilingReached", search.ceilingReached());
        result.put("atMax", atBest);
        result.put("allStepsCorrectness", correctness(steps));
        Bench.log("highest sustainable rate: %,.0f msgs/s (first failing: %s)%s", search.best(),
                search.firstFailure() == 0 ? "none" : String.format("%,.0f", search.firstFailure()),
                search.ceilingReached() ? " — stopped at --max-rate" : "");
    }

    /**
     * Loss, late messages, duplicates, idempotency mismatches and refused re-sends over every step run, re-runs
     * included: nothing is hidden.
     */
    static Map<String, Object> correctness(List<Object> steps) {
        Map<String, Object> sums = new LinkedHashMap<>();
        for (String key : List.of("lostMessages", "lateMessages", "duplicates", "idempotencyMismatches",
                "idempotencyRefused")) {
            long sum = 0;
            for (Object s : steps) {
                sum += ((Map<?, ?>) s).get(key) instanceof Number n ? n.longValue() : 0;
            }
            sums.put(key, sum);
        }
        return sums;
    }

    /**
     * Runs a rate until it passes or its attempts are used up: {@code attempts} failures on a quiet machine, or
     * {@code noiseAttempts} runs in all while every failure happened with other processes busy.
     */
    private StepResult attempt(Bench bench, double rate, List<Object> steps) {
        int quietFailures = 0;
        for (int attempt = 1; ; attempt++) {
            StepResult step = bench.step(rate, plan.stepSeconds());
            boolean disturbed = Boolean.TRUE.equals(step.details().get("disturbed"));
            step.details().put("attempt", attempt);
            steps.add(step.details());
            Bench.log("%s%s%s", step.line(), attempt > 1 ? " (attempt " + attempt + ")" : "",
                    disturbed && !step.sustained() ? " [other processes busy]" : "");
            if (!disturbed && !step.sustained()) {
                quietFailures++;
            }
            if (step.sustained() || quietFailures >= Math.max(1, plan.attempts())
                    || attempt >= Math.max(plan.attempts(), plan.noiseAttempts())) {
                return step;
            }
        }
    }
}
