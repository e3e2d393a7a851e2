package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeParameterTest {

    @Test
    void pairsBecomeCursorsAndARepeatedConversationKeepsTheHigher() {
        assertThat(ResumeParameter.parse("c-1:17,c-2:4,c-1:9")).isEqualTo(Map.of("c-1", 17L, "c-2", 4L));
        assertThat(ResumeParameter.parse(null)).isEmpty();
        assertThat(ResumeParameter.parse("")).isEmpty();
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> ResumeParameter.parse("c-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumeParameter.parse(":4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumeParameter.parse("c-1:-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumeParameter.parse("c-1:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
