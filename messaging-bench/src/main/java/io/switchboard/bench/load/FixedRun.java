package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Steps at given rates, one after another, each judged on its own. */
public final class FixedRun {

    private final List<Double> rates;
    private final double seconds;
    private final double warmupSeconds;

    public FixedRun(List<Double> rates, double seconds, double warmupSeconds) {
        this.rates = List.copyOf(rates);
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    public void run(Bench bench, Map<String, Object> result) {
        bench.warmUp(rates.get(0) / 2, warmupSeconds);
        List<Object> steps = new ArrayList<>();
        result.put("steps", steps);
        for (double rate : rates) {
            StepResult r = bench.step(rate, seconds);
            Bench.log("%s", r.line());
            steps.add(r.details());
        }
    }
}
