package dev.autoif.llmsim.catalogue;

import static dev.autoif.llmsim.catalogue.Param.intRange;
import static dev.autoif.llmsim.catalogue.Param.oneOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The constraint families the simulated model knows, written by the project (not copied from IFEval). Each has a
 * correct Python function; a test runs every function on CPython against texts the writers produce.
 */
final class Families {

    static final List<String> KEYWORDS = List.of(
            "balance", "clarity", "future", "network", "history", "method", "signal", "pattern", "energy", "journey");
    private static final List<String> PLACEHOLDERS = List.of("[name]", "[date]", "[address]", "[phone number]", "[company]");
    private static final String WORD_BANK =
            "bright bubble kind keep week window yellow happy very value five fifty coffee green giving paper people "
            + "maybe middle good deep quiet zero box joy jump dozen quick extra";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Families() {
    }

    static List<Family> all() {
        List<Family> f = new ArrayList<>();
        length(f);
        lexical(f);
        format(f);
        startEnd(f);
        return List.copyOf(f);
    }

    private static Family family(String id, String category, List<Param> params, List<String> phrasings,
            String contradiction, String python, Family.Check check, Family.Writer comply, Family.Writer violate) {
        return new Family(id, category, params, phrasings, contradiction, python, check, comply, violate);
    }

    private static void length(List<Family> f) {
        f.add(family("words_max", "length", List.of(intRange("n", 20, 120, 10)),
                List.of("Answer with at most ${n} words.", "Your response must not exceed ${n} words."),
                "Answer with more than ${n} words.",
                """
                def evaluate(response):
                    return len(response.split()) <= ${n}
                """,
                (r, p) -> TextKit.wordCount(r) <= p.i("n"),
                (k, p) -> k.wordsAtMost(p.i("n")),
                (k, p) -> k.wordsAtLeast(p.i("n") + 1)));
        f.add(family("words_min", "length", List.of(intRange("n", 60, 300, 20)),
                List.of("Answer with at least ${n} words.", "Your response should contain ${n} words or more."),
                "Answer with fewer than ${n} words.",
                """
                def evaluate(response):
                    return len(response.split()) >= ${n}
                """,
                (r, p) -> TextKit.wordCount(r) >= p.i("n"),
                (k, p) -> k.wordsAtLeast(p.i("n")),
                (k, p) -> k.wordsAtMost(Math.max(5, p.i("n") / 3))));
        f.add(family("sentences_exact", "length", List.of(intRange("n", 2, 8, 1)),
                List.of("Your response must contain exactly ${n} sentences.",
                        "Write exactly ${n} sentences, no more and no fewer."),
                "Your response must not contain exactly ${n} sentences.",
                """
                import re
                def evaluate(response):
                    sentences = [s for s in re.split(r'[.!?]+', response) if s.strip()]
                    return len(sentences) == ${n}
                """,
                (r, p) -> List.of(r.split("[.!?]+")).stream().filter(s -> !s.isBlank()).count() == p.i("n"),
                (k, p) -> k.text(p.i("n")),
                (k, p) -> k.text(p.i("n") + 1)));
        f.add(family("paragraphs_exact", "structure", List.of(intRange("n", 2, 5, 1)),
                List.of("Your response should have exactly ${n} paragraphs, separated from each other by the markdown divider ***.",
                        "Write ${n} paragraphs and put the markdown divider *** between consecutive paragraphs."),
                "Write a number of paragraphs other than ${n}, separated by the markdown divider ***.",
                """
                def evaluate(response):
                    parts = [p for p in response.split('***') if p.strip()]
                    return len(parts) == ${n}
                """,
                (r, p) -> List.of(r.split(Pattern.quote("***"))).stream().filter(s -> !s.isBlank()).count() == p.i("n"),
                (k, p) -> String.join("\n\n***\n\n", k.paragraphs(p.i("n"))),
                (k, p) -> String.join("\n\n***\n\n", k.paragraphs(p.i("n") + 1))));
        f.add(family("chars_max", "length", List.of(intRange("n", 150, 600, 50)),
                List.of("Keep your entire response within ${n} characters.",
                        "Your response must be at most ${n} characters long."),
                "Your response must be longer than ${n} characters.",
                """
                def evaluate(response):
                    return len(response) <= ${n}
                """,
                (r, p) -> r.codePointCount(0, r.length()) <= p.i("n"),
                (k, p) -> k.charsAtMost(p.i("n")),
                (k, p) -> k.charsAtLeast(p.i("n") + 1)));
        f.add(family("lines_exact", "structure", List.of(intRange("n", 3, 8, 1)),
                List.of("Write your answer on exactly ${n} non-empty lines.",
                        "Your response must consist of exactly ${n} lines of text, not counting blank lines."),
                "Your answer must not have exactly ${n} non-empty lines.",
                """
                def evaluate(response):
                    return len([line for line in response.splitlines() if line.strip()]) == ${n}
                """,
                (r, p) -> Checks.nonBlankLines(r) == p.i("n"),
                (k, p) -> String.join("\n", k.sentences(p.i("n"))),
                (k, p) -> String.join("\n", k.sentences(p.i("n") + 1))));
    }

    private static void lexical(List<Family> f) {
        f.add(family("letter_avoid", "lexical", List.of(oneOf("c", List.of("q", "z", "x", "j"))),
                List.of("Do not use the letter '${c}' anywhere in your response.",
                        "Your response must not contain the letter '${c}', in upper or lower case."),
                "Use the letter '${c}' at least once in your response.",
                """
                def evaluate(response):
                    return '${c}' not in response.lower()
                """,
                (r, p) -> !Checks.lower(r).contains(p.s("c")),
                (k, p) -> TextKit.dropWordsWithLetter(k.text(3), p.s("c")),
                (k, p) -> k.text(2) + " Think of the word " + wordWith(p.s("c"), 1) + "."));
        f.add(family("letter_frequency", "lexical",
                List.of(oneOf("c", List.of("b", "k", "w", "y", "v", "f", "g", "p", "m", "d")), intRange("n", 3, 12, 1)),
                List.of("Use the letter '${c}' at least ${n} times in your response.",
                        "The letter '${c}' should appear ${n} or more times in your answer."),
                "Use the letter '${c}' fewer than ${n} times in your response.",
                """
                def evaluate(response):
                    return response.lower().count('${c}') >= ${n}
                """,
                (r, p) -> Checks.countSub(Checks.lower(r), p.s("c")) >= p.i("n"),
                (k, p) -> {
                    String text = k.text(2);
                    StringBuilder extra = new StringBuilder("Some words to remember are");
                    int i = 0;
                    while (Checks.countSub(Checks.lower(text + extra), p.s("c")) < p.i("n")) {
                        extra.append(' ').append(wordWith(p.s("c"), i++));
                    }
                    return text + " " + extra + ".";
                },
                (k, p) -> TextKit.dropWordsWithLetter(k.text(3), p.s("c"))));
        f.add(family("keyword_include", "keywords", List.of(oneOf("w", KEYWORDS)),
                List.of("Include the keyword '${w}' in your response.",
                        "Make sure the word '${w}' appears somewhere in your answer."),
                "Do not mention the word '${w}' anywhere in your response.",
                """
                import re
                def evaluate(response):
                    return re.search(r'\\b${w}\\b', response, re.IGNORECASE) is not None
                """,
                (r, p) -> Checks.wordBoundaryCount(r, p.s("w")) > 0,
                (k, p) -> k.text(2) + " This also relates to " + p.s("w") + ".",
                (k, p) -> TextKit.dropWord(k.text(3), p.s("w"))));
        f.add(family("keyword_avoid", "keywords", List.of(oneOf("w", KEYWORDS)),
                List.of("Do not include the word '${w}' in your response.",
                        "Avoid the word '${w}' completely in your answer."),
                "Include the word '${w}' in your response at least once.",
                """
                import re
                def evaluate(response):
                    return re.search(r'\\b${w}\\b', response, re.IGNORECASE) is None
                """,
                (r, p) -> Checks.wordBoundaryCount(r, p.s("w")) == 0,
                (k, p) -> TextKit.dropWord(k.text(3), p.s("w")),
                (k, p) -> k.text(2) + " Keep " + p.s("w") + " in mind."));
        f.add(family("keyword_frequency", "keywords", List.of(oneOf("w", KEYWORDS), intRange("n", 2, 5, 1)),
                List.of("Use the word '${w}' at least ${n} times in your response.",
                        "The word '${w}' should appear ${n} or more times in your answer."),
                "Use the word '${w}' fewer than ${n} times in your response.",
                """
                import re
                def evaluate(response):
                    return len(re.findall(r'\\b${w}\\b', response, re.IGNORECASE)) >= ${n}
                """,
                (r, p) -> Checks.wordBoundaryCount(r, p.s("w")) >= p.i("n"),
                (k, p) -> mentions(TextKit.dropWord(k.text(2), p.s("w")), p.s("w"), p.i("n")),
                (k, p) -> mentions(TextKit.dropWord(k.text(2), p.s("w")), p.s("w"), p.i("n") - 1)));
        f.add(family("capital_words_min", "case", List.of(intRange("n", 2, 6, 1)),
                List.of("Include at least ${n} words written entirely in capital letters.",
                        "At least ${n} words in your response must be in all capital letters."),
                "Use fewer than ${n} words written entirely in capital letters.",
                """
                import re
                def evaluate(response):
                    words = [w for w in re.findall(r'[A-Za-z]+', response) if len(w) > 1 and w.isupper()]
                    return len(words) >= ${n}
                """,
                (r, p) -> Checks.count(Pattern.compile("\\b[A-Z]{2,}\\b"), r.replaceAll("[^A-Za-z]", " ")) >= p.i("n"),
                (k, p) -> shout(k.text(2) + " " + k.text(2), p.i("n")),
                (k, p) -> k.text(3)));
        f.add(family("lowercase_all", "case", List.of(),
                List.of("Your entire response must be in lowercase letters; no capital letters are allowed.",
                        "Write everything in lowercase, without a single capital letter."),
                "Your response must contain some capital letters.",
                """
                def evaluate(response):
                    return response == response.lower()
                """,
                (r, p) -> r.equals(Checks.lower(r)),
                (k, p) -> Checks.lower(k.text(3)),
                (k, p) -> k.text(3)));
        f.add(family("uppercase_all", "case", List.of(),
                List.of("Your entire response must be in English capital letters only.",
                        "Write your whole answer in uppercase letters."),
                "Your response must contain some lowercase letters.",
                """
                def evaluate(response):
                    return response == response.upper()
                """,
                (r, p) -> r.equals(r.toUpperCase(Locale.ROOT)),
                (k, p) -> k.text(3).toUpperCase(Locale.ROOT),
                (k, p) -> k.text(3)));
        f.add(family("cyrillic_only", "language", List.of(),
                List.of("Your entire response must be written in Cyrillic script, without any Latin letters.",
                        "Answer only in Cyrillic letters; do not use the Latin alphabet."),
                "Write your response in the Latin alphabet.",
                """
                import re
                def evaluate(response):
                    return re.search(r'[A-Za-z]', response) is None and re.search(r'[\\u0400-\\u04FF]', response) is not None
                """,
                (r, p) -> !Pattern.compile("[A-Za-z]").matcher(r).find()
                        && Pattern.compile("[\\u0400-\\u04FF]").matcher(r).find(),
                (k, p) -> TextKit.toCyrillic(k.text(2)),
                (k, p) -> k.text(2)));
        f.add(family("ascii_only", "language", List.of(),
                List.of("Use only ASCII characters in your response; no accented letters, emoji or other symbols.",
                        "Every character of your answer must be plain ASCII."),
                "Include at least one non-ASCII character in your response.",
                """
                def evaluate(response):
                    return all(ord(ch) < 128 for ch in response)
                """,
                (r, p) -> r.chars().allMatch(ch -> ch < 128),
                (k, p) -> k.text(3),
                (k, p) -> k.text(2) + " A caf\u00e9 is a nice place to think about it."));
        f.add(family("no_commas", "punctuation", List.of(),
                List.of("Do not use any commas in your response.", "Your entire answer must be free of commas."),
                "Use at least one comma in your response.",
                """
                def evaluate(response):
                    return ',' not in response
                """,
                (r, p) -> !r.contains(","),
                (k, p) -> k.text(3),
                (k, p) -> k.text(2) + " Step by step, it becomes clear."));
    }

    private static void format(List<Family> f) {
        f.add(family("bullets_exact", "format", List.of(intRange("n", 2, 6, 1)),
                List.of("Your answer must contain exactly ${n} bullet points in markdown format, such as: * This is a point.",
                        "Use exactly ${n} markdown bullet points (lines starting with '* ') in your answer."),
                "Do not use exactly ${n} bullet points in your answer.",
                """
                def evaluate(response):
                    bullets = [line for line in response.splitlines() if line.strip().startswith(('* ', '- '))]
                    return len(bullets) == ${n}
                """,
                (r, p) -> r.lines().map(String::strip).filter(l -> l.startsWith("* ") || l.startsWith("- ")).count()
                        == p.i("n"),
                (k, p) -> list(k, p.i("n"), i -> "* "),
                (k, p) -> list(k, p.i("n") + 1, i -> "* ")));
        f.add(family("numbered_exact", "format", List.of(intRange("n", 3, 7, 1)),
                List.of("Answer with a numbered list of exactly ${n} items (1., 2., 3., and so on).",
                        "Give exactly ${n} numbered points, each on its own line starting with its number and a period."),
                "Your numbered list must not have exactly ${n} items.",
                """
                import re
                def evaluate(response):
                    items = [line for line in response.splitlines() if re.match(r'\\s*\\d+\\.\\s', line)]
                    return len(items) == ${n}
                """,
                (r, p) -> r.lines().filter(l -> Pattern.compile("\\s*\\d+\\.\\s").matcher(l).lookingAt()).count()
                        == p.i("n"),
                (k, p) -> list(k, p.i("n"), i -> (i + 1) + ". "),
                (k, p) -> list(k, p.i("n") - 1, i -> (i + 1) + ". ")));
        f.add(family("sections_exact", "structure",
                List.of(intRange("n", 2, 5, 1), oneOf("m", List.of("SECTION", "PART"))),
                List.of("Divide your response into ${n} sections and begin each one with '${m} X', where X is the section number.",
                        "Split your answer into ${n} sections, each starting with the label '${m} X' (X is the number of the section)."),
                "Your response must not be divided into ${n} sections marked '${m} X'.",
                """
                import re
                def evaluate(response):
                    return len(re.findall(r'^\\s*${m}\\s+\\d+', response, re.MULTILINE)) == ${n}
                """,
                (r, p) -> Checks.count(Pattern.compile("^\\s*" + Pattern.quote(p.s("m")) + "\\s+\\d+", Pattern.MULTILINE), r)
                        == p.i("n"),
                (k, p) -> sections(k, p.s("m"), p.i("n")),
                (k, p) -> sections(k, p.s("m"), p.i("n") + 1)));
        f.add(family("json_format", "format", List.of(),
                List.of("Wrap your entire output in JSON format so that it parses as valid JSON.",
                        "Format the whole response as valid JSON; you may put it inside a markdown code block."),
                "Do not format your response as JSON.",
                """
                import json
                def evaluate(response):
                    text = response.strip()
                    if text.startswith('```'):
                        text = text.strip('`').strip()
                        if text.startswith('json'):
                            text = text[4:]
                    try:
                        json.loads(text)
                    except ValueError:
                        return False
                    return True
                """,
                (r, p) -> Checks.isJson(r),
                (k, p) -> {
                    ObjectNode o = JSON.createObjectNode().put("topic", k.title()).put("answer", k.text(2));
                    String json = o.toPrettyString();
                    return k.rng().nextInt(3) == 0 ? "```json\n" + json + "\n```" : json;
                },
                (k, p) -> k.text(2)));
        f.add(family("title_brackets", "format", List.of(),
                List.of("Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.",
                        "Give your response a title written inside double angle brackets, like <<title>>."),
                "Do not give your response a title in double angular brackets.",
                """
                import re
                def evaluate(response):
                    return re.search(r'<<[^<>\\n]+>>', response) is not None
                """,
                (r, p) -> Pattern.compile("<<[^<>\\n]+>>").matcher(r).find(),
                (k, p) -> "<<" + k.title() + ">>\n\n" + k.text(2),
                (k, p) -> k.title() + "\n\n" + k.text(2)));
        f.add(family("quoted", "punctuation", List.of(),
                List.of("Wrap your entire response with double quotation marks.", "Put the whole answer inside double quotes."),
                "Do not wrap your response in double quotation marks.",
                """
                def evaluate(response):
                    text = response.strip()
                    return len(text) > 1 and text[0] == '"' and text[-1] == '"'
                """,
                (r, p) -> {
                    String t = r.strip();
                    return t.length() > 1 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"';
                },
                (k, p) -> "\"" + k.text(2) + "\"",
                (k, p) -> k.text(2)));
        f.add(family("placeholders_min", "format", List.of(intRange("n", 1, 4, 1)),
                List.of("The response must contain at least ${n} placeholders in square brackets, such as [address].",
                        "Include at least ${n} placeholders written in square brackets, for example [name]."),
                "The response must contain fewer than ${n} placeholders in square brackets.",
                """
                import re
                def evaluate(response):
                    return len(re.findall(r'\\[[^\\[\\]]+\\]', response)) >= ${n}
                """,
                (r, p) -> Checks.count(Pattern.compile("\\[[^\\[\\]]+]"), r) >= p.i("n"),
                (k, p) -> placeholders(k, p.i("n")),
                (k, p) -> placeholders(k, p.i("n") - 1)));
        f.add(family("highlights_min", "format", List.of(intRange("n", 1, 4, 1)),
                List.of("Highlight at least ${n} sections of your answer with markdown, i.e. *highlighted section*.",
                        "Mark at least ${n} parts of your response as highlighted using single asterisks, like *this part*."),
                "Highlight fewer than ${n} sections of your answer with markdown.",
                """
                import re
                def evaluate(response):
                    return len(re.findall(r'\\*[^\\n\\*]+\\*', response)) >= ${n}
                """,
                (r, p) -> Checks.count(Pattern.compile("\\*[^\\n*]+\\*"), r) >= p.i("n"),
                (k, p) -> highlights(k, p.i("n")),
                (k, p) -> highlights(k, p.i("n") - 1)));
        f.add(family("two_responses", "structure", List.of(),
                List.of("Give two different responses, separated by six asterisk symbols: ******.",
                        "Provide exactly two answers and separate them with a line of six asterisks ******."),
                "Give a single response without any separator of six asterisks.",
                """
                def evaluate(response):
                    parts = response.split('******')
                    return len(parts) == 2 and all(part.strip() for part in parts)
                """,
                (r, p) -> {
                    String[] parts = r.split(Pattern.quote("******"), -1);
                    return parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank();
                },
                (k, p) -> k.text(2) + "\n******\n" + k.text(2),
                (k, p) -> k.text(3)));
    }

    private static void startEnd(List<Family> f) {
        f.add(family("postscript", "start_end", List.of(oneOf("m", List.of("P.S.", "P.P.S."))),
                List.of("At the end of your response, please add a postscript starting with '${m}'.",
                        "Finish with a postscript that begins with '${m}'."),
                "Do not add a postscript starting with '${m}' to your response.",
                """
                def evaluate(response):
                    lines = [line.strip() for line in response.splitlines() if line.strip()]
                    return len(lines) > 0 and lines[-1].startswith('${m}')
                """,
                (r, p) -> {
                    List<String> lines = r.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                    return !lines.isEmpty() && lines.getLast().startsWith(p.s("m"));
                },
                (k, p) -> k.text(2) + "\n\n" + p.s("m") + " " + k.sentence(),
                (k, p) -> k.text(2)));
        f.add(family("end_phrase", "start_end",
                List.of(oneOf("p", List.of("Is there anything else I can help with?",
                        "Let me know if you have additional questions.", "Thank you for reading."))),
                List.of("Finish your response with this exact phrase: '${p}'. No other words should follow it.",
                        "End your answer with the exact phrase '${p}' and write nothing after it."),
                "Do not end your response with the phrase '${p}'.",
                """
                def evaluate(response):
                    return response.strip().endswith('${p}')
                """,
                (r, p) -> r.strip().endsWith(p.s("p")),
                (k, p) -> k.text(2) + " " + p.s("p"),
                (k, p) -> k.text(1) + " " + p.s("p") + " " + k.sentence()));
        f.add(family("start_word", "start_end",
                List.of(oneOf("w", List.of("Certainly", "Indeed", "Honestly", "Firstly", "Absolutely"))),
                List.of("Start your response with the word '${w}'.", "The very first word of your answer must be '${w}'."),
                "Do not start your response with the word '${w}'.",
                """
                def evaluate(response):
                    words = response.strip().split()
                    return len(words) > 0 and words[0].strip('.,!?;:"').lower() == '${w}'.lower()
                """,
                (r, p) -> {
                    String t = r.strip();
                    if (t.isEmpty()) {
                        return false;
                    }
                    String first = t.split("\\s+")[0].replaceAll("^[.,!?;:\"]+|[.,!?;:\"]+$", "");
                    return Checks.lower(first).equals(Checks.lower(p.s("w")));
                },
                (k, p) -> p.s("w") + " " + TextKit.lowerFirst(k.text(2)),
                (k, p) -> k.text(2)));
        f.add(family("question_end", "start_end", List.of(),
                List.of("End your response with a question.",
                        "The last sentence of your answer must be a question ending with a question mark."),
                "Do not end your response with a question.",
                """
                def evaluate(response):
                    return response.rstrip().endswith('?')
                """,
                (r, p) -> r.stripTrailing().endsWith("?"),
                (k, p) -> k.text(2) + " What would you like to explore next?",
                (k, p) -> k.text(2)));
        f.add(family("repeat_phrase", "keywords",
                List.of(oneOf("p", List.of("stay curious", "less is more", "one step at a time", "practice makes progress")),
                        intRange("n", 2, 4, 1)),
                List.of("Repeat the phrase '${p}' exactly ${n} times in your response.",
                        "Use the exact phrase '${p}' ${n} times, no more and no fewer."),
                "Do not repeat the phrase '${p}' exactly ${n} times.",
                """
                def evaluate(response):
                    return response.lower().count('${p}'.lower()) == ${n}
                """,
                (r, p) -> Checks.countSub(Checks.lower(r), Checks.lower(p.s("p"))) == p.i("n"),
                (k, p) -> k.text(2) + repeatTail(p.s("p"), p.i("n")),
                (k, p) -> k.text(2) + repeatTail(p.s("p"), p.i("n") + 1)));
    }

    // --- writers' helpers ---

    private static String wordWith(String letter, int index) {
        List<String> words = List.of(WORD_BANK.split(" ")).stream().filter(w -> w.contains(letter)).toList();
        if (words.isEmpty()) {
            return letter.repeat(3);
        }
        return words.get(index % words.size());
    }

    private static String mentions(String text, String word, int times) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < times; i++) {
            sb.append(" The word ").append(word).append(" matters here.");
        }
        return sb.toString();
    }

    private static String repeatTail(String phrase, int times) {
        return IntStream.range(0, times).mapToObj(i -> " Remember that " + phrase + ".").collect(Collectors.joining());
    }

    /** Upper-cases the first n words of two letters or more (adds sentences when the text has too few). */
    private static String shout(String text, int n) {
        String[] tokens = text.split(" ");
        int done = 0;
        for (int i = 0; i < tokens.length && done < n; i++) {
            String core = tokens[i].replaceAll("[^A-Za-z]", "");
            if (core.length() > 1) {
                tokens[i] = tokens[i].toUpperCase(Locale.ROOT);
                done++;
            }
        }
        return String.join(" ", tokens);
    }

    private static String list(TextKit k, int n, java.util.function.IntFunction<String> marker) {
        StringBuilder sb = new StringBuilder(k.sentence());
        for (int i = 0; i < n; i++) {
            sb.append('\n').append(marker.apply(i)).append(k.sentence());
        }
        return sb.toString();
    }

    private static String sections(TextKit k, String marker, int n) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            parts.add(marker + " " + i + "\n" + k.text(2));
        }
        return String.join("\n\n", parts);
    }

    private static String placeholders(TextKit k, int n) {
        if (n <= 0) {
            return k.text(2);
        }
        return k.text(2) + " Fill in " + String.join(" and ", PLACEHOLDERS.subList(0, n)) + " before you send it.";
    }

    private static String highlights(TextKit k, int n) {
        List<String> s = k.sentences(n + 1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(i < n ? "*" + s.get(i) + "*" : s.get(i));
        }
        return String.join(" ", out);
    }
}
