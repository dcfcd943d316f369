package dev.autoif.export.persistence;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Iterates a keyset-paged query: fetches the next page (after the last element seen) only when the current one is
 * used up, so at most one page is in memory whatever the total.
 */
final class Pages<T> implements Iterator<T> {

    private final Function<T, List<T>> nextPageAfter;
    private final int pageSize;
    private List<T> page;
    private int position;
    private boolean last;

    /** @param nextPageAfter the page after the given element, or the first page for null */
    Pages(Function<T, List<T>> nextPageAfter, int pageSize) {
        this.nextPageAfter = nextPageAfter;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        if (page != null && position < page.size()) {
            return true;
        }
        if (page != null && last) {
            return false;
        }
        // a full page is never empty, so getLast() is the cursor
        page = nextPageAfter.apply(page == null ? null : page.getLast());
        position = 0;
        last = page.size() < pageSize;
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(position++);
    }
}
