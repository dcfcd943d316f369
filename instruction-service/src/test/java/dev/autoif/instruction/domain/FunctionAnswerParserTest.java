package dev.autoif.instruction.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoif.contracts.TestCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionAnswerParserTest {

    private static final String CODE = "def evaluate(response):\n    return len(response.split()) <= 5\n";

    @Test
    void parsesThePaperFormatWithStringBooleans() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse("""
                {"func": "def evaluate(response):\\n    return len(response.split()) <= 5",
                 "cases": [{"input": "one two", "output": "True"}, {"input": "a b c d e f", "output": "False"}]}
                """);
        assertEquals(CODE, a.code());
        assertEquals(List.of(new TestCase("one two", true), new TestCase("a b c d e f", false)), a.cases());
        assertEquals(0, a.casesSkipped());
    }

    @Test
    void acceptsFencesProseLiteralNewlinesAndRealBooleans() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse("""
                Sure! Here is the JSON:
                ```json
                {"func": "def evaluate(response):
                    return len(response.split()) <= 5",
                 "cases": [{"input": "hi", "output": true}, {"input": "x y z w v u", "output": false}]}
                ```
                Let me know if you need more.
                """);
        assertEquals(CODE, a.code());
        assertEquals(2, a.cases().size());
    }

    @Test
    void takesTheFenceAroundTheAnswerNotAFenceInsideACase() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse("""
                Here it is.
                ```json
                {"func": "def evaluate(response):\\n    return response.startswith('```')",
                 "cases": [{"input": "```json\\n{\\"a\\": 1}\\n```", "output": true}, {"input": "plain", "output": false}]}
                ```
                """);
        assertEquals("def evaluate(response):\n    return response.startswith('```')\n", a.code());
        assertEquals(List.of(new TestCase("```json\n{\"a\": 1}\n```", true), new TestCase("plain", false)),
                a.cases());
    }

    @Test
    void acceptsPythonLiteralsAndKeyVariants() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse("""
                {'function': 'def evaluate(response):\\n    return "True" not in response',
                 'test_cases': [{'response': 'False alarm', 'expected': True}, {'text': 'True', 'label': False},
                                ['plain', 1]]}
                """);
        assertEquals("def evaluate(response):\n    return \"True\" not in response\n", a.code());
        assertEquals(List.of(new TestCase("False alarm", true), new TestCase("True", false),
                new TestCase("plain", true)), a.cases());
    }

    @Test
    void undoesDoubleEscapedCode() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse(
                "{\"func\": \"def evaluate(response):\\\\n    return response.count('\\\\\\\\n') < 3\","
                        + " \"cases\": []}");
        assertEquals("def evaluate(response):\n    return response.count('\\n') < 3\n", a.code());
    }

    @Test
    void skipsMalformedCasesButKeepsTheAnswer() throws Exception {
        FunctionAnswer a = FunctionAnswerParser.parse("""
                {"func": "def evaluate(response):\\n    return True",
                 "cases": [{"input": "ok", "output": "maybe"}, {"output": true}, {"input": null, "output": true},
                           {"input": "fine", "output": "false"}, {"input": "fine", "output": false}]}
                """);
        assertEquals(List.of(new TestCase("fine", false)), a.cases());
        assertEquals(3, a.casesSkipped());
    }

    @Test
    void rejectsWhatCannotBeUsedWithAReason() {
        assertReason("no JSON object", "I cannot help with that.");
        assertReason("no JSON object", "{\"func\": \"def evaluate(r): return True\", \"cases\": [");
        assertReason("no 'func' key", "{\"cases\": []}");
        assertReason("no 'cases' list", "{\"func\": \"def evaluate(response):\\n    return True\"}");
        assertReason("named 'check'", "{\"func\": \"def check(response):\\n    return True\", \"cases\": []}");
        assertReason("no 'def evaluate('", "{\"func\": \"lambda r: True\", \"cases\": []}");
        assertReason("'func' is not a string", "{\"func\": 3, \"cases\": []}");
        assertReason("empty answer", "  ");
        assertReason("longer than", "{\"func\": \"def evaluate(r):\\n    return True\\n#"
                + "x".repeat(FunctionAnswerParser.MAX_CODE_LENGTH) + "\", \"cases\": []}");
    }

    private static void assertReason(String expected, String answer) {
        UnparsableAnswerException e = assertThrows(UnparsableAnswerException.class,
                () -> FunctionAnswerParser.parse(answer));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
