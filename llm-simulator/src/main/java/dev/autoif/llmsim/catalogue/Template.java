package dev.autoif.llmsim.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code ${name}} placeholders that can be rendered with parameters and, the other way round,
 * matched against a text to read the parameters back (so instructions and functions can be recognised).
 */
public final class Template {

    private static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final String text;
    private final Pattern regex;
    private final List<String> vars;

    /**
     * @param text the template
     * @param params the parameters it may mention
     * @param loose when true, a trailing full stop is optional and case is ignored (for instruction phrasings)
     */
    public Template(String text, List<Param> params, boolean loose) {
        this.text = text;
        Map<String, Param> byName = new HashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        String body = loose ? stripFinalStop(text.strip()) : text.strip();
        StringBuilder re = new StringBuilder();
        List<String> seen = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        Matcher m = VAR.matcher(body);
        int last = 0;
        while (m.find()) {
            re.append(literal(body.substring(last, m.start())));
            String name = m.group(1);
            Param p = byName.get(name);
            if (p == null) {
                throw new IllegalArgumentException("template mentions unknown parameter " + name + ": " + text);
            }
            if (bound.add(name)) {
                re.append("(?<").append(name).append('>').append(p.pattern()).append(')');
                seen.add(name);
            } else {
                re.append("\\k<").append(name).append('>');
            }
            last = m.end();
        }
        re.append(literal(body.substring(last)));
        String full = loose ? "\\s*" + re + "\\s*\\.?\\s*" : re.toString();
        this.regex = Pattern.compile(full, loose ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        this.vars = List.copyOf(seen);
    }

    public String render(Params params) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.s(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The whole of {@code input} must match (instructions). */
    public Optional<Params> matchWhole(String input) {
        return read(regex.matcher(input.strip()), true);
    }

    /** Some part of {@code input} must match (function code, which may carry extra lines around it). */
    public Optional<Params> find(String input) {
        return read(regex.matcher(input), false);
    }

    private Optional<Params> read(Matcher m, boolean whole) {
        if (whole ? !m.matches() : !m.find()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (String v : vars) {
            values.put(v, m.group(v));
        }
        return Optional.of(new Params(values));
    }

    public String text() {
        return text;
    }

    private static String stripFinalStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whitespace in the template matches any whitespace run (indentation, line breaks); the rest literally. */
    private static String literal(String s) {
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher ws = SPACE.matcher(s);
        int last = 0;
        while (ws.find()) {
            if (ws.start() > last) {
                out.append(Pattern.quote(s.substring(last, ws.start())));
            }
            out.append("\\s+");
            last = ws.end();
        }
        if (last < s.length()) {
            out.append(Pattern.quote(s.substring(last)));
        }
        return out.toString();
    }
}
