package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupsTest {

    @Test
    void groupsRunsOfEqualKeysInOrder() {
        Iterator<List<String>> g = Groups.consecutive(List.of("a1", "a2", "b1", "a3").iterator(),
                s -> s.charAt(0));
        List<List<String>> all = new ArrayList<>();
        g.forEachRemaining(all::add);
        assertThat(all).containsExactly(List.of("a1", "a2"), List.of("b1"), List.of("a3"));
    }

    @Test
    void nothingFromNothing() {
        assertThat(Groups.consecutive(List.<String>of().iterator(), s -> s).hasNext()).isFalse();
    }
}
