package dev.autoif.instruction.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an instruction constrains, for near-duplicate detection. Two parts:
 * <ul>
 * <li>{@code guards}: the things that change the constraint when they change, which must be equal for two
 * instructions to be duplicates: every number (number words become digits), every quoted literal, and the
 * comparison / negation / position words after synonyms were folded ("no more than" = "at most", "begin" =
 * "start", "avoid" = "no"). "at least 3 words" and "at most 3 words" differ only in one guard, so they are never
 * duplicates however similar the rest is.</li>
 * <li>{@code tokens}: the content words (stop words such as "your response should" removed, a plural "s" cut), compared
 * by Jaccard similarity when the guards agree.</li>
 * </ul>
 */
public record ConstraintFingerprint(Set<String> guards, Set<String> tokens) {

    /** Double, curly or single quotes; a single quote between letters is an apostrophe, not a quote. */
    private static final Pattern QUOTED = Pattern.compile(
            "\"([^\"]{1,200})\"|“([^”]{1,200})”|(?<![\\p{L}])'([^']{1,200})'(?![\\p{L}])");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Multi-word phrasings folded before tokenising; order matters (longest first). */
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("no more than", "at most");
        PHRASES.put("not more than", "at most");
        PHRASES.put("no longer than", "at most");
        PHRASES.put("does not exceed", "at most");
        PHRASES.put("do not exceed", "at most");
        PHRASES.put("not exceed", "at most");
        PHRASES.put("no fewer than", "at least");
        PHRASES.put("no less than", "at least");
        PHRASES.put("not less than", "at least");
        PHRASES.put("a minimum of", "at least");
        PHRASES.put("a maximum of", "at most");
        PHRASES.put("more than", "more");
        PHRASES.put("greater than", "more");
        PHRASES.put("less than", "less");
        PHRASES.put("fewer than", "less");
        PHRASES.put("do not use", "no");
        PHRASES.put("don't use", "no");
        PHRASES.put("do not include", "no");
        PHRASES.put("don't include", "no");
        PHRASES.put("must not contain", "no");
        PHRASES.put("should not contain", "no");
        PHRASES.put("refrain from using", "no");
        PHRASES.put("free of", "no");
        PHRASES.put("upper case", "uppercase");
        PHRASES.put("lower case", "lowercase");
        PHRASES.put("capital letters", "uppercase letters");
        PHRASES.put("all caps", "uppercase");
    }

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("minimum", "least"), Map.entry("min", "least"),
            Map.entry("maximum", "most"), Map.entry("max", "most"),
            Map.entry("under", "less"), Map.entry("below", "less"), Map.entry("fewer", "less"),
            Map.entry("over", "more"), Map.entry("above", "more"), Map.entry("exceed", "more"),
            Map.entry("exceeding", "more"), Map.entry("exceeds", "more"),
            Map.entry("precisely", "exactly"),
            Map.entry("avoid", "no"), Map.entry("without", "no"), Map.entry("never", "no"), Map.entry("none", "no"),
            Map.entry("not", "no"), Map.entry("don", "no"),
            Map.entry("begin", "start"), Map.entry("begins", "start"), Map.entry("beginning", "start"),
            Map.entry("starts", "start"), Map.entry("starting", "start"),
            Map.entry("ends", "end"), Map.entry("ending", "end"), Map.entry("finish", "end"),
            Map.entry("conclude", "end"),
            Map.entry("capital", "uppercase"), Map.entry("capitals", "uppercase"), Map.entry("capitalized", "uppercase"),
            Map.entry("upper", "uppercase"), Map.entry("lower", "lowercase"),
            Map.entry("once", "1"), Map.entry("twice", "2"), Map.entry("thrice", "3"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"), Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"),
            Map.entry("fifty", "50"), Map.entry("hundred", "100"), Map.entry("thousand", "1000"),
            Map.entry("single", "1"));

    /** Words whose change changes the constraint. */
    private static final Set<String> GUARD_WORDS = Set.of("least", "most", "less", "more", "exactly", "no", "only",
            "start", "end", "first", "last", "uppercase", "lowercase", "odd", "even", "before", "after");

    /** Words that carry no constraint: who writes, modal verbs, articles. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "your", "you", "response", "responses",
            "answer", "reply", "output", "text", "should", "must", "shall", "will", "be", "is", "are", "it", "its",
            "make", "sure", "ensure", "that", "this", "please", "in", "of", "to", "with", "at", "as", "and", "or",
            "any", "all", "entire", "whole", "use", "using", "used", "have", "has", "contain", "contains",
            "containing", "include", "includes", "including", "write", "written", "provide", "give", "keep", "s",
            "t", "so", "by", "for", "on", "there", "total", "number");

    public static ConstraintFingerprint of(String instruction) {
        String s = instruction.toLowerCase(Locale.ROOT).replace('’', '\'');
        Set<String> guards = new TreeSet<>();
        Matcher q = QUOTED.matcher(s);
        while (q.find()) {
            String literal = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
            guards.add("\"" + literal.strip() + "\"");
        }
        for (Map.Entry<String, String> p : PHRASES.entrySet()) {
            s = s.replace(p.getKey(), p.getValue());
        }
        Set<String> tokens = new TreeSet<>();
        Matcher t = TOKEN.matcher(s);
        while (t.find()) {
            String w = canonical(t.group());
            if (STOP_WORDS.contains(w)) {
                continue;
            }
            tokens.add(w);
            if (GUARD_WORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
                guards.add(w);
            }
        }
        return new ConstraintFingerprint(Set.copyOf(guards), Set.copyOf(tokens));
    }

    private static String canonical(String word) {
        String w = SYNONYMS.getOrDefault(word, word);
        // Plural "s" only; "less", "this", "bonus" and short words stay as they are.
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("is") && !w.endsWith("us")
                && !GUARD_WORDS.contains(w)) {
            w = w.substring(0, w.length() - 1);
        }
        return SYNONYMS.getOrDefault(w, w);
    }

    /** Token-set Jaccard similarity, 1.0 for two empty sets. */
    public double similarity(ConstraintFingerprint other) {
        if (tokens.isEmpty() && other.tokens.isEmpty()) {
            return 1.0;
        }
        long common = tokens.stream().filter(other.tokens::contains).count();
        return (double) common / (tokens.size() + other.tokens.size() - common);
    }
}
