package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Fault;

/** One choice's text, and the content fault it carries (null when none). */
public record Answer(String content, Fault fault) {

    public static Answer clean(String content) {
        return new Answer(content, null);
    }
}
