package dev.autoif.llmsim.catalogue;

import static dev.autoif.llmsim.catalogue.Param.intRange;
import static dev.autoif.llmsim.catalogue.Param.oneOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The diversity mode: what a model asked for fifty instructions a round, four hundred times, comes up with. Every
 * constraint it draws is a different one, not a rewording: the 31 standard families with much wider parameters
 * (numbers, a 200-word keyword vocabulary, more letters, phrases, start words and markers), four families only this
 * mode draws (three keywords to include, three to avoid, word and character ranges), and every standard family
 * combined with a word to avoid. Each keeps a correct Python function and writers, so cross-validation treats them
 * like the standard ones.
 *
 * <p>A family is drawn with a weight equal to the number of constraints it can produce, capped per group, so families
 * with few constraints are drawn rarely (instead of repeating themselves) and no family drowns the others.
 */
final class Diversity {

    /** Keywords of the widened keyword families and of the three-keyword families. */
    static final List<String> KEYWORDS = words("""
            balance clarity future network history method signal pattern energy journey account advice agenda archive
            aspect audience benefit boundary budget campaign capacity career category century challenge channel chapter
            climate community concept conflict context contract courage culture customer decision degree demand design
            device dialogue discipline discovery distance diversity economy education effort emotion empathy engine
            environment equation evidence evolution experience experiment factor feedback festival finance fortune
            framework freedom friendship function gallery garden generation gesture government gravity growth harmony
            harvest health heritage horizon identity imagination impact industry influence innovation insight instinct
            interest interview invention investment island justice kingdom knowledge landscape language leadership
            legacy library license logic loyalty machine market material memory message metaphor migration mission
            model moment momentum motion museum mystery narrative nature negotiation neighbor notion objective ocean
            opinion opportunity orbit organization outcome passion patience perspective philosophy planet poetry policy
            portrait potential poverty priority process product progress project promise property proposal purpose
            quality ratio reason recipe reform region relation resource respect revenue rhythm risk ritual routine
            safety schedule science season secret security service silence society solution spirit strategy strength
            structure student success summary surface symbol system talent teacher technology tension theory tradition
            traffic transition treasure trust universe variety version victory village vision voice wealth weather
            wisdom wonder""");

    /**
     * Words a combined constraint forbids. None of them occurs in what the writers write (the prose templates, the
     * off-topic topics, the letter word bank, phrases, markers, keywords), so leaving one out never breaks the base
     * constraint; a test checks that the lists stay apart.
     */
    static final List<String> AVOID = words("""
            umbrella penguin violin kettle lantern saddle walrus compass anchor harbor pepper cactus trumpet pillow
            ladder marble feather candle helmet tractor jigsaw parrot rocket carpet dolphin garlic hammock igloo jacket
            kayak lemon mitten napkin oyster pebble quilt radish scooter teapot unicorn vase wagon yogurt zebra acorn
            banjo camel donkey easel falcon goblet hedgehog iguana jellyfish koala llama mango nutmeg otter panda quiver
            raccoon sardine tulip urchin vulture walnut yacht zucchini apricot biscuit cobweb dagger eggplant flamingo
            gazelle hamster icicle juniper kiwi lobster mongoose nectar ostrich pelican quartz reindeer squirrel thimble
            ukulele velvet waffle xylophone zeppelin antelope bagpipe caravan dumpling emerald fiddle giraffe hazelnut
            inkwell jukebox kangaroo lollipop noodle octopus pumpkin rhubarb sparrow toboggan turnip vinegar whistle
            badger beetle buffalo cabbage cherry cinnamon coconut crocodile cucumber daisy dragonfly eagle envelope
            ferret goose gorilla grapefruit hippo hornet jaguar ladybug leopard lizard mackerel magnet muffin mushroom
            nightingale olive orchid peacock pickle pigeon porcupine pretzel puffin salmon seahorse skunk snail spinach
            starfish stork swan tortoise trout tuna turtle weasel wombat woodpecker""");

    static final List<String> START_WORDS = words("""
            Certainly Indeed Honestly Firstly Absolutely Sure Well Yes Interestingly Briefly Overall Notably Clearly
            Today Essentially Basically Fortunately Generally Ideally Naturally Obviously Personally Really Simply
            Surprisingly Truly Ultimately Admittedly Frankly Hopefully Importantly Luckily Undoubtedly Curiously""");

    static final List<String> END_PHRASES = List.of("Is there anything else I can help with?",
            "Let me know if you have additional questions.", "Thank you for reading.", "Hope this helps.",
            "That is all for now.", "Thanks for your patience.", "Have a wonderful day!",
            "Feel free to ask more questions.", "I hope this answers your question.", "Good luck with your project!",
            "Happy to help further.", "Until next time.", "That concludes my answer.", "Stay safe and take care.",
            "Best of luck!", "Enjoy the rest of your day.", "Any other questions?", "Thanks for asking.", "Cheers!",
            "Talk soon.");

    static final List<String> REPEAT_PHRASES = List.of("stay curious", "less is more", "one step at a time",
            "practice makes progress", "keep it simple", "think before you act", "every detail counts",
            "slow and steady", "better late than never", "knowledge is power", "time is precious",
            "actions speak louder", "small steps matter", "quality over quantity", "stay the course",
            "learn by doing", "ask good questions", "trust the process", "progress over perfection",
            "measure twice", "start with why", "keep moving forward");

    /** A widened parameter and how many values it can take. */
    record Wide(Param param, long size) {

        static Wide range(String name, int min, int max) {
            return new Wide(intRange(name, min, max, 1), max - min + 1);
        }

        static Wide values(String name, List<String> values) {
            return new Wide(oneOf(name, values), values.size());
        }
    }

    /** One thing the mode draws: a family with its widened parameters and its drawing weight. */
    private record Entry(Family family, List<Wide> params, long weight, boolean distinctValues) {

        Constraint draw(SplittableRandom rng) {
            while (true) {
                Map<String, String> values = new HashMap<>();
                for (Wide w : params) {
                    values.put(w.param().name(), w.param().draw().apply(rng));
                }
                if (!distinctValues || new HashSet<>(values.values()).size() == values.size()) {
                    return new Constraint(family, new Params(values), false);
                }
            }
        }
    }

    /** Weight caps: a group with millions of constraints must not push out the others. */
    private static final long SINGLE_CAP = 4_000;
    private static final long NEW_FAMILY_CAP = 12_000;
    private static final long COMBINED_CAP = 2_500;
    private static final String COMBINED_SUFFIX = "+word_avoid";

    private final List<Entry> entries;
    private final long totalWeight;

    private Diversity(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.totalWeight = entries.stream().mapToLong(Entry::weight).sum();
    }

    /** The families only this mode draws (every mode reads them): new ones, then each standard one combined. */
    static List<Family> extraFamilies(List<Family> standard) {
        List<Family> out = new ArrayList<>(newFamilies());
        standard.forEach(f -> out.add(combined(f)));
        return List.copyOf(out);
    }

    /** @param all the standard families followed by {@link #extraFamilies} */
    static Diversity of(List<Family> all) {
        Map<String, Family> byId = all.stream().collect(Collectors.toMap(Family::id, f -> f));
        Map<String, List<Wide>> wide = widened();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, List<Wide>> e : wide.entrySet()) {
            Family f = byId.get(e.getKey());
            if (f == null) {
                throw new IllegalStateException("no family " + e.getKey());
            }
            // The standard families have a combined twin; the mode's own families don't, and want distinct values.
            boolean standard = byId.containsKey(e.getKey() + COMBINED_SUFFIX);
            entries.add(new Entry(f, e.getValue(), Math.min(size(e.getValue()), standard ? SINGLE_CAP : NEW_FAMILY_CAP),
                    !standard));
            if (standard) {
                List<Wide> withWord = new ArrayList<>(e.getValue());
                withWord.add(Wide.values("x", AVOID));
                entries.add(new Entry(byId.get(e.getKey() + COMBINED_SUFFIX), withWord,
                        Math.min(size(withWord), COMBINED_CAP), false));
            }
        }
        return new Diversity(entries);
    }

    Constraint draw(SplittableRandom rng) {
        long u = rng.nextLong(totalWeight);
        for (Entry e : entries) {
            if (u < e.weight()) {
                return e.draw(rng);
            }
            u -= e.weight();
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static long size(List<Wide> params) {
        return params.stream().mapToLong(Wide::size).reduce(1, Math::multiplyExact);
    }

    /** Widened parameters of every family the mode draws, by family id (in a stable order). */
    private static Map<String, List<Wide>> widened() {
        Map<String, List<Wide>> w = new LinkedHashMap<>();
        w.put("words_max", List.of(Wide.range("n", 15, 400)));
        w.put("words_min", List.of(Wide.range("n", 20, 500)));
        w.put("sentences_exact", List.of(Wide.range("n", 2, 15)));
        w.put("paragraphs_exact", List.of(Wide.range("n", 2, 8)));
        w.put("chars_max", List.of(Wide.range("n", 100, 2000)));
        w.put("lines_exact", List.of(Wide.range("n", 2, 15)));
        w.put("letter_avoid", List.of(Wide.values("c", List.of("q", "z", "x", "j", "k", "v", "w", "y", "f", "b"))));
        w.put("letter_frequency", List.of(Wide.values("c",
                List.of("b", "c", "d", "f", "g", "h", "k", "m", "p", "v", "w", "y")), Wide.range("n", 2, 20)));
        w.put("keyword_include", List.of(Wide.values("w", KEYWORDS)));
        w.put("keyword_avoid", List.of(Wide.values("w", KEYWORDS)));
        w.put("keyword_frequency", List.of(Wide.values("w", KEYWORDS), Wide.range("n", 2, 6)));
        w.put("capital_words_min", List.of(Wide.range("n", 2, 8)));
        for (String id : List.of("lowercase_all", "uppercase_all", "cyrillic_only", "ascii_only", "no_commas",
                "json_format", "title_brackets", "quoted", "two_responses", "question_end")) {
            w.put(id, List.of());
        }
        w.put("bullets_exact", List.of(Wide.range("n", 2, 10)));
        w.put("numbered_exact", List.of(Wide.range("n", 2, 10)));
        w.put("sections_exact", List.of(Wide.range("n", 2, 6),
                Wide.values("m", List.of("SECTION", "PART", "CHAPTER", "STEP"))));
        w.put("placeholders_min", List.of(Wide.range("n", 1, 4)));
        w.put("highlights_min", List.of(Wide.range("n", 1, 6)));
        w.put("postscript", List.of(Wide.values("m", List.of("P.S.", "P.P.S."))));
        w.put("end_phrase", List.of(Wide.values("p", END_PHRASES)));
        w.put("start_word", List.of(Wide.values("w", START_WORDS)));
        w.put("repeat_phrase", List.of(Wide.values("p", REPEAT_PHRASES), Wide.range("n", 2, 4)));
        w.put("keywords_all", List.of(Wide.values("a", KEYWORDS), Wide.values("b", KEYWORDS),
                Wide.values("c", KEYWORDS)));
        w.put("keywords_none", List.of(Wide.values("a", KEYWORDS), Wide.values("b", KEYWORDS),
                Wide.values("c", KEYWORDS)));
        w.put("words_range", List.of(Wide.range("lo", 10, 300), Wide.range("hi", 320, 900)));
        w.put("chars_range", List.of(Wide.range("lo", 50, 1500), Wide.range("hi", 1700, 4000)));
        return w;
    }

    // --- families only this mode draws ---

    private static List<Family> newFamilies() {
        List<Param> three = List.of(oneOf("a", KEYWORDS), oneOf("b", KEYWORDS), oneOf("c", KEYWORDS));
        String mentions = """
                import re
                def evaluate(response):
                    words = ['${a}', '${b}', '${c}']
                    found = [w for w in words if re.search(r'\\b' + w + r'\\b', response, re.IGNORECASE)]
                """;
        return List.of(
                new Family("keywords_all", "keywords", three,
                        List.of("Include the keywords '${a}', '${b}' and '${c}' in your response.",
                                "Your answer must mention each of the words '${a}', '${b}' and '${c}'."),
                        "Leave out at least one of the words '${a}', '${b}' and '${c}'.",
                        mentions + "    return len(found) == len(words)\n",
                        (r, p) -> abc(p).allMatch(w -> Checks.wordBoundaryCount(r, w) > 0),
                        (k, p) -> k.text(2) + " This also touches on " + String.join(" and ", abc(p).toList()) + ".",
                        (k, p) -> {
                            // Leaves out c, mentions the others (those that are not c).
                            String text = dropAll(k.text(3), abc(p).toList());
                            List<String> rest = Stream.of(p.s("a"), p.s("b"))
                                    .filter(w -> !w.equalsIgnoreCase(p.s("c"))).toList();
                            return rest.isEmpty() ? text
                                    : text + " This also touches on " + String.join(" and ", rest) + ".";
                        }),
                new Family("keywords_none", "keywords", three,
                        List.of("Do not use any of the words '${a}', '${b}' or '${c}' in your response.",
                                "Avoid the words '${a}', '${b}' and '${c}' entirely in your answer."),
                        "Use at least one of the words '${a}', '${b}' or '${c}' in your response.",
                        mentions + "    return len(found) == 0\n",
                        (r, p) -> abc(p).allMatch(w -> Checks.wordBoundaryCount(r, w) == 0),
                        (k, p) -> dropAll(k.text(3), abc(p).toList()),
                        (k, p) -> dropAll(k.text(2), abc(p).toList()) + " Keep " + p.s("b") + " in mind."),
                new Family("words_range", "length", List.of(intRange("lo", 10, 300, 1), intRange("hi", 320, 900, 1)),
                        List.of("Answer with at least ${lo} and at most ${hi} words.",
                                "Your response must be between ${lo} and ${hi} words long."),
                        "Answer with fewer than ${lo} or more than ${hi} words.",
                        """
                        def evaluate(response):
                            count = len(response.split())
                            return ${lo} <= count <= ${hi}
                        """,
                        (r, p) -> TextKit.wordCount(r) >= p.i("lo") && TextKit.wordCount(r) <= p.i("hi"),
                        (k, p) -> k.wordsAtLeast(p.i("lo")),
                        (k, p) -> k.rng().nextBoolean() ? k.wordsAtMost(p.i("lo") - 1) : k.wordsAtLeast(p.i("hi") + 1)),
                new Family("chars_range", "length",
                        List.of(intRange("lo", 50, 1500, 1), intRange("hi", 1700, 4000, 1)),
                        List.of("Your response must be between ${lo} and ${hi} characters long.",
                                "Write at least ${lo} and at most ${hi} characters."),
                        "Your response must be shorter than ${lo} or longer than ${hi} characters.",
                        """
                        def evaluate(response):
                            return ${lo} <= len(response) <= ${hi}
                        """,
                        (r, p) -> r.codePointCount(0, r.length()) >= p.i("lo")
                                && r.codePointCount(0, r.length()) <= p.i("hi"),
                        (k, p) -> k.charsAtLeast(p.i("lo")),
                        (k, p) -> k.rng().nextBoolean() ? k.charsAtMost(p.i("lo") - 1) : k.charsAtLeast(p.i("hi") + 1)));
    }

    /**
     * {@code base} and "never use the word x": the base's phrasings with a sentence added, its function renamed and
     * called from a new {@code evaluate}, its writers with x left out. The opposite is "either the base's opposite,
     * or use x".
     */
    private static Family combined(Family base) {
        List<Param> params = new ArrayList<>(base.params());
        params.add(oneOf("x", AVOID));
        List<String> phrasings = base.phrasings().stream()
                .map(t -> withStop(t.text()) + " Also, never use the word '${x}'.").toList();
        String contradiction = "Either " + TextKit.lowerFirst(withoutStop(base.contradiction().text()))
                + ", or use the word '${x}' somewhere in your response.";
        String python = base.python().text().replace("def evaluate(response):", "def _base_constraint(response):")
                + """

                import re
                def evaluate(response):
                    return _base_constraint(response) and re.search(r'\\b${x}\\b', response, re.IGNORECASE) is None
                """;
        return new Family(base.id() + COMBINED_SUFFIX, "combination", params, phrasings, contradiction, python,
                (r, p) -> base.check().test(r, p) && Checks.wordBoundaryCount(r, p.s("x")) == 0,
                (k, p) -> TextKit.dropWord(base.comply().write(k, p), p.s("x")),
                (k, p) -> k.rng().nextBoolean() ? TextKit.dropWord(base.violate().write(k, p), p.s("x"))
                        : base.comply().write(k, p) + " Keep " + p.s("x") + " in mind.");
    }

    private static Stream<String> abc(Params p) {
        return Stream.of(p.s("a"), p.s("b"), p.s("c"));
    }

    private static String dropAll(String text, List<String> words) {
        Set<String> lower = words.stream().map(Checks::lower).collect(Collectors.toSet());
        return TextKit.dropWords(text, lower::contains);
    }

    private static String withStop(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    private static String withoutStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static List<String> words(String block) {
        return List.of(block.strip().split("\\s+"));
    }
}
