package dev.autoif.llmsim.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes plain, on-topic prose for a query: short sentences built from the query's content words. The sentences are
 * deliberately bland (letters, spaces and one full stop each: no commas, digits, quotes, brackets, asterisks or
 * capitalised words) so that every constraint family can shape them and its check stays exact.
 */
public final class TextKit {

    private static final List<String> SENTENCES = List.of(
            "The main idea behind %s is easy to explain.",
            "Most people who ask about %s want a clear answer.",
            "A good first step is to look at %s in practice.",
            "It helps to compare %s with %s before you decide.",
            "In short %s depends on the details of %s.",
            "Experts often say that %s changes over time.",
            "This answer keeps the focus on %s and %s.",
            "You can check the facts about %s in a reliable source.",
            "Small changes to %s can make a big difference.",
            "There is more than one way to think about %s.",
            "People who study %s usually start with the basics.",
            "Look at how %s and %s affect each other.");

    /** Topics of off-topic answers: nothing a test query is likely to share. */
    public static final List<String> OFF_TOPICS = List.of(
            "gardening tomatoes", "volcano eruptions", "chess openings", "sourdough baking", "lighthouse keepers",
            "jazz drummers", "alpine glaciers", "origami cranes");

    private static final Set<String> STOPWORDS = Set.of(
            "about", "above", "after", "again", "also", "been", "before", "being", "below", "between", "both", "could",
            "does", "doing", "down", "during", "each", "from", "further", "have", "having", "here", "into", "just",
            "more", "most", "much", "must", "other", "over", "please", "same", "should", "some", "such", "than",
            "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under", "until",
            "very", "were", "what", "when", "where", "which", "while", "with", "would", "your", "yours", "will",
            "shall", "might", "tell", "give", "explain", "describe", "write", "make", "know", "want", "need", "like",
            "well", "only", "many", "every", "because", "answer", "question", "help", "thanks", "thank", "hello",
            "dear", "using", "used", "onto", "upon", "whom", "whose", "best", "good", "list", "show");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private final SplittableRandom rng;
    private final List<String> topic;

    private TextKit(List<String> topic, SplittableRandom rng) {
        this.topic = topic;
        this.rng = rng;
    }

    /** Prose about the query's content words. */
    public static TextKit about(String query, SplittableRandom rng) {
        List<String> words = topicWords(query);
        return new TextKit(words.isEmpty() ? List.of("this topic") : words, rng);
    }

    /** Prose about something else entirely. */
    public static TextKit offTopic(SplittableRandom rng) {
        String t = OFF_TOPICS.get(rng.nextInt(OFF_TOPICS.size()));
        return new TextKit(List.of(t.split(" ")), rng);
    }

    /** Up to four distinct content words of a query, lower case, in order of appearance. */
    public static List<String> topicWords(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query == null ? "" : query);
        while (m.find() && out.size() < 4) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() >= 4 && !STOPWORDS.contains(w)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    public SplittableRandom rng() {
        return rng;
    }

    public String topicWord() {
        return topic.get(rng.nextInt(topic.size()));
    }

    public String sentence() {
        String t = SENTENCES.get(rng.nextInt(SENTENCES.size()));
        String first = topicWord();
        String second = topicWord();
        if (second.equals(first) && topic.size() > 1) {
            second = topic.get((topic.indexOf(first) + 1) % topic.size());
        }
        return t.formatted(first, second);
    }

    public List<String> sentences(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(sentence());
        }
        return out;
    }

    /** k sentences on one line. */
    public String text(int k) {
        return String.join(" ", sentences(k));
    }

    /** n paragraphs of two or three sentences. */
    public List<String> paragraphs(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(text(2 + rng.nextInt(2)));
        }
        return out;
    }

    /** Sentences until the text has at least n words. */
    public String wordsAtLeast(int n) {
        StringBuilder sb = new StringBuilder(sentence());
        while (wordCount(sb.toString()) < n) {
            sb.append(' ').append(sentence());
        }
        return sb.toString();
    }

    /** As many sentences as fit in n words; the first one cut short (with its full stop) when even it does not fit. */
    public String wordsAtMost(int n) {
        String first = sentence();
        if (wordCount(first) > n) {
            String[] words = first.split(" ");
            return String.join(" ", List.of(words).subList(0, Math.max(1, n))).replaceAll("\\.$", "") + ".";
        }
        StringBuilder sb = new StringBuilder(first);
        for (int i = 0; i < 30; i++) {
            String next = sentence();
            if (wordCount(sb + " " + next) > n) {
                break;
            }
            sb.append(' ').append(next);
        }
        return sb.toString();
    }

    public String charsAtLeast(int n) {
        StringBuilder sb = new StringBuilder(sentence());
        while (sb.length() < n) {
            sb.append(' ').append(sentence());
        }
        return sb.toString();
    }

    public String charsAtMost(int n) {
        String first = sentence();
        if (first.length() > n) {
            return first.substring(0, Math.max(1, n - 1)).strip() + ".";
        }
        StringBuilder sb = new StringBuilder(first);
        for (int i = 0; i < 30; i++) {
            String next = sentence();
            if (sb.length() + 1 + next.length() > n) {
                break;
            }
            sb.append(' ').append(next);
        }
        return sb.toString();
    }

    /** Title case of the topic, for titles. */
    public String title() {
        return topic.stream().limit(2).map(TextKit::capitalise).collect(Collectors.joining(" "));
    }

    public static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    public static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    public static String lowerFirst(String w) {
        return w.isEmpty() ? w : Character.toLowerCase(w.charAt(0)) + w.substring(1);
    }

    /** Removes every word containing {@code letters} (ignoring case); a removed word's full stop moves to the word before. */
    public static String dropWords(String text, java.util.function.Predicate<String> drop) {
        List<String> kept = new ArrayList<>();
        for (String token : text.split(" ")) {
            String core = token.replaceAll("[^A-Za-z]", "");
            if (!core.isEmpty() && drop.test(core.toLowerCase(Locale.ROOT))) {
                if (token.endsWith(".") && !kept.isEmpty() && !kept.getLast().endsWith(".")) {
                    kept.set(kept.size() - 1, kept.getLast() + ".");
                }
                continue;
            }
            kept.add(token);
        }
        return String.join(" ", kept);
    }

    public static String dropWordsWithLetter(String text, String letter) {
        return dropWords(text, w -> w.contains(letter.toLowerCase(Locale.ROOT)));
    }

    public static String dropWord(String text, String word) {
        return dropWords(text, w -> w.equals(word.toLowerCase(Locale.ROOT)));
    }

    private static final String[] CYRILLIC = {
        "а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м", "н", "о", "п", "к", "р", "с", "т", "у", "в",
        "в", "кс", "ы", "з"};

    /** Latin letters to Cyrillic ones, letter by letter (a crude transliteration, enough for a script check). */
    public static String toCyrillic(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            char lower = Character.toLowerCase(ch);
            if (lower >= 'a' && lower <= 'z') {
                String c = CYRILLIC[lower - 'a'];
                sb.append(Character.isUpperCase(ch) ? c.toUpperCase(Locale.ROOT) : c);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
