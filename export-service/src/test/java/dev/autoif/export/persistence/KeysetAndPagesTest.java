package dev.autoif.export.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetAndPagesTest {

    @Test
    void keysetConditionNestsColumnsInSortOrder() {
        assertThat(Keyset.after(List.of("a"))).isEqualTo("a > :k0");
        assertThat(Keyset.after(List.of("a", "b", "c")))
                .isEqualTo("a >= :k0 and (a > :k0 or (a = :k0 and (b > :k1 or (b = :k1 and c > :k2))))");
    }

    @Test
    void pagesFetchLazilyAfterTheLastElementAndStopOnAShortPage() {
        List<Integer> data = IntStream.range(0, 25).boxed().toList();
        List<Integer> cursors = new ArrayList<>();
        Pages<Integer> pages = new Pages<>(after -> {
            cursors.add(after);
            int from = after == null ? 0 : after + 1;
            return data.subList(Math.min(from, data.size()), Math.min(from + 10, data.size()));
        }, 10);
        List<Integer> all = new ArrayList<>();
        pages.forEachRemaining(all::add);
        assertThat(all).isEqualTo(data);
        assertThat(cursors).containsExactly(null, 9, 19);
    }

    @Test
    void anExactMultipleEndsOnAnEmptyPage() {
        List<Integer> data = IntStream.range(0, 20).boxed().toList();
        List<Integer> cursors = new ArrayList<>();
        Pages<Integer> pages = new Pages<>(after -> {
            cursors.add(after);
            int from = after == null ? 0 : after + 1;
            return data.subList(Math.min(from, data.size()), Math.min(from + 10, data.size()));
        }, 10);
        List<Integer> all = new ArrayList<>();
        pages.forEachRemaining(all::add);
        assertThat(all).isEqualTo(data);
        assertThat(cursors).containsExactly(null, 9, 19);
        assertThat(pages.hasNext()).isFalse();
    }
}
