package dev.autoif.export.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Groups runs of consecutive elements with equal keys, so a sorted stream is grouped holding one group at a time. */
public final class Groups {

    private Groups() {
    }

    /** The groups as a lazy, ordered stream. */
    public static <T, K> Stream<List<T>> stream(Iterator<T> source, Function<T, K> key) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(consecutive(source, key),
                Spliterator.ORDERED), false);
    }

    public static <T, K> Iterator<List<T>> consecutive(Iterator<T> source, Function<T, K> key) {
        return new Iterator<>() {
            private T pending = source.hasNext() ? source.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public List<T> next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                List<T> group = new ArrayList<>();
                K k = key.apply(pending);
                group.add(pending);
                pending = null;
                while (source.hasNext()) {
                    T t = source.next();
                    if (!Objects.equals(k, key.apply(t))) {
                        pending = t;
                        break;
                    }
                    group.add(t);
                }
                return group;
            }
        };
    }
}
