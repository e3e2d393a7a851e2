package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.json.JsonReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void aSearchResultBecomesASetupTableAndOneRowPerStep() {
        Map<String, Object> result = JsonReader.parseObject("""
                {"label":"peer direct","adapter":"socketio","mode":"search","startedAt":"t",
                 "topology":{"connections":10000,"conversationSize":2},
                 "environment":{"cpuModel":"EPYC","onlineCpus":"0-1","generatorCpus":"1","serverCpus":"0"},
                 "maxSustainableRate":7595,"firstFailingRate":8070,
                 "setup":{"connect":{"ok":10000,"failed":0,"seconds":4.1,"perSecond":2427,
                                     "latencyMs":{"p50":35.5,"p99":445.2}},"join":{"seconds":0.4,"serverRssMb":225}},
                 "steps":[{"targetRate":7595,"sustained":true,"failures":[],"achievedRate":7595,
                           "endToEndMs":{"p50":0.5,"p99":8.6}},
                          {"targetRate":8070,"sustained":false,"failures":["p99 726.0 ms > 100 ms"]}]}""");
        String md = Markdown.result(result);
        assertThat(md).startsWith("# peer direct — C=10,000, S=2\n")
                .contains("**Highest sustainable rate: 7,595 msgs/s** (first failing: 8,070)")
                .contains("| 10,000 | 0 | 4.1 | 2,427 | 35.5 | 445 | 0.4 | 225 |")
                .contains("| 7,595 | ok | 7,595 |")
                .contains("| 8,070 | FAIL: p99 726.0 ms > 100 ms |");
    }

    @Test
    void anIdleResultBecomesOneRowPerStepAndAnErrorIsShown() {
        Map<String, Object> result = JsonReader.parseObject("""
                {"adapter":"switchboard","mode":"idle","topology":{"connections":1000},"error":"boom",
                 "idleSteps":[{"connections":1000,"serverRssMb":80.6,"serverRssKbPerConnection":27.2,
                               "heapUsedMb":null,"connect":{"perSecond":1860}}]}""");
        assertThat(Markdown.result(result)).startsWith("# Load run — C=1,000\n").contains("**Error:** boom")
                .contains("| 1,000 | 1,860 | 80.6 | 27.2 | – | – |");
    }
}
