package dev.autoif.llmsim.play;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llmsim.Behaviour;
import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.catalogue.Catalogue;
import dev.autoif.llmsim.catalogue.Constraint;
import dev.autoif.llmsim.catalogue.TextKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Answers the verification-function prompt with {"func": ..., "cases": [...]}, faults applied on demand. */
final class FunctionPlayer {

    /** What a model writes for an instruction it cannot check in code: a function that only rejects empty text. */
    static final String GENERIC_FUNCTION = """
            def evaluate(response):
                return len(response.strip()) > 0
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Case(String input, boolean output) {
    }

    private final Catalogue catalogue;

    FunctionPlayer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String answer(String instruction, SplittableRandom rng, Settings settings, Fault fault) {
        boolean imprecise = Draws.chance(rng, settings.behaviour(Behaviour.FUNCTION_IMPRECISE));
        boolean fence = Draws.chance(rng, settings.behaviour(Behaviour.FUNCTION_FENCE));
        Optional<Constraint> parsed = catalogue.parseInstruction(instruction);
        String code;
        List<Case> cases = new ArrayList<>();
        if (parsed.isPresent()) {
            Constraint c = parsed.get();
            Constraint checked = c;
            if (imprecise) {
                Constraint other = c.perturb(rng);
                checked = other == null ? c : other;
            }
            code = checked.python();
            // The cases follow the instruction itself; with an imprecise function they may disagree with it.
            String yes = c.comply(TextKit.offTopic(rng));
            String no = c.violate(TextKit.offTopic(rng));
            String third = rng.nextBoolean() ? c.comply(TextKit.offTopic(rng)) : c.violate(TextKit.offTopic(rng));
            cases.add(new Case(yes, c.check(yes)));
            cases.add(new Case(no, c.check(no)));
            cases.add(new Case(third, c.check(third)));
        } else {
            code = GENERIC_FUNCTION;
            String text = TextKit.offTopic(rng).text(2);
            cases.add(new Case(text, true));
            cases.add(new Case("", false));
            cases.add(new Case("   ", false));
        }
        if (fault != null) {
            code = faultyCode(fault, code);
            if (fault == Fault.DISAGREEING_CASES) {
                cases = cases.stream().map(k -> new Case(k.input(), !k.output())).toList();
            }
        }
        String json = render(code, cases, fault, rng);
        return fence ? "Here is the evaluation function with its test cases:\n```json\n" + json + "\n```" : json;
    }

    private static String faultyCode(Fault fault, String code) {
        return switch (fault) {
            case WRONG_FUNCTION_NAME -> code.replace("def evaluate(response):", "def check_response(response):");
            case SYNTAX_ERROR -> code.replaceFirst("def evaluate\\(response\\):", "def evaluate(response)");
            case ALWAYS_TRUE -> "def evaluate(response):\n    return True\n";
            case ALWAYS_FALSE -> "def evaluate(response):\n    return False\n";
            case HOSTILE_FILE_READ, HOSTILE_SOCKET, HOSTILE_SUBPROCESS, HOSTILE_JAVA_HOST, HOSTILE_INFINITE_LOOP,
                    HOSTILE_MEMORY_BOMB, HOSTILE_RECURSION, HOSTILE_BIG_PRINT -> HostileCode.apply(fault, code);
            default -> code;
        };
    }

    private static String render(String code, List<Case> cases, Fault fault, SplittableRandom rng) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = JSON.createArrayNode();
        for (Case k : cases) {
            array.addObject().put("input", k.input()).put("output", k.output());
        }
        if (fault == Fault.MISSING_KEYS) {
            // Either the cases are missing, or both keys carry other names.
            if (rng.nextBoolean()) {
                root.put("func", code);
            } else {
                root.put("function", code);
                root.set("tests", array);
            }
            return root.toPrettyString();
        }
        root.put("func", code);
        root.set("cases", array);
        String json = root.toPrettyString();
        if (fault == Fault.UNPARSABLE_JSON) {
            // Cut off mid-way, as an answer that ran out of tokens: the object is never closed.
            return json.substring(0, Math.max(1, json.length() * 2 / 3));
        }
        return json;
    }
}
