package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void aDocumentHighInBothRankingsBeatsOneFirstInOnlyOne() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")));
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a", "d", "c");
        RankFusion.Fused b = fused.getFirst();
        assertThat(b.score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(b.ranks()).containsExactly(2, 1);
        assertThat(fused.get(3).ranks()).isEqualTo(Arrays.asList(3, null));
    }

    @Test
    void oneRankingAloneKeepsItsOrder() {
        assertThat(RankFusion.fuse(List.of(List.of("x", "y"), List.of()))).extracting(RankFusion.Fused::id)
                .containsExactly("x", "y");
    }
}
