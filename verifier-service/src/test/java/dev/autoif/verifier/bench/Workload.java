package dev.autoif.verifier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * LLM-style verification functions (regex, counting, loops, collections, json) and response-like inputs, generated
 * deterministically so the sandbox and CPython run exactly the same workload.
 */
public final class Workload {

    private static final String[] WORDS = ("the quick brown fox jumps over lazy dog rain water cloud river stone "
            + "light summer winter answer question happy bright Python Java data model token story").split(" ");

    private Workload() {
    }

    public static List<String> functions(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            int k = i / 12;
            String word = WORDS[k % WORDS.length];
            out.add(switch (i % 12) {
                case 0 -> "import re\ndef evaluate(response):\n    return len(re.findall(r'\\b" + word
                        + "\\b', response, re.IGNORECASE)) >= " + (1 + k % 3) + "\n";
                case 1 -> "def evaluate(response):\n    return len(response.split()) " + (k % 2 == 0 ? "<" : ">")
                        + " " + (50 + 10 * k) + "\n";
                case 2 -> "def evaluate(response):\n    upper = 0\n    for ch in response:\n        if ch.isupper():\n"
                        + "            upper += 1\n    return upper / max(1, len(response)) < 0." + (1 + k % 8) + "\n";
                case 3 -> "from collections import Counter\ndef evaluate(response):\n"
                        + "    counts = Counter(w.lower() for w in response.split())\n"
                        + "    return counts.most_common(1)[0][1] <= " + (5 + k) + " if counts else False\n";
                case 4 -> "import json\ndef evaluate(response):\n    try:\n        data = json.loads(response)\n"
                        + "    except ValueError:\n        return False\n    return isinstance(data, dict) and '"
                        + word + "' in data\n";
                case 5 -> "import re\ndef evaluate(response):\n    sentences = [s for s in re.split(r'[.!?]+', response)"
                        + " if s.strip()]\n    return " + (2 + k % 5) + " <= len(sentences) <= " + (10 + k) + "\n";
                case 6 -> "def evaluate(response):\n    paragraphs = [p for p in response.split('\\n\\n') if p.strip()]\n"
                        + "    return len(paragraphs) == " + (1 + k % 4) + "\n";
                case 7 -> "def evaluate(response):\n    words = response.split()\n"
                        + "    return bool(words) and words[0].lower().startswith('" + word.charAt(0) + "')"
                        + (k % 2 == 0 ? " and response.rstrip().endswith('.')" : "") + "\n";
                case 8 -> "import string\ndef evaluate(response):\n    freq = {}\n    for ch in response.lower():\n"
                        + "        if ch in string.ascii_lowercase:\n            freq[ch] = freq.get(ch, 0) + 1\n"
                        + "    return freq.get('" + (char) ('a' + k % 26) + "', 0) >= " + (k % 7) + "\n";
                case 9 -> "import re\ndef evaluate(response):\n    return not re.search(r'[" + (k % 2 == 0 ? "," : ";")
                        + "]', response) and len(response) <= " + (300 + 40 * k) + "\n";
                case 10 -> "import itertools\ndef evaluate(response):\n    words = response.split()\n"
                        + "    pairs = sum(1 for a, b in zip(words, itertools.islice(words, 1, None)) if a == b)\n"
                        + "    return pairs < " + (1 + k % 3) + "\n";
                default -> "import re\nfrom collections import defaultdict\ndef evaluate(response):\n"
                        + "    groups = defaultdict(list)\n    for w in re.findall(r'[A-Za-z]+', response):\n"
                        + "        groups[len(w)].append(w)\n    return max(groups, default=0) <= " + (6 + k % 6) + "\n";
            });
        }
        return out;
    }

    public static List<String> inputs(int n, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int length = 50 + random.nextInt(1951);
            StringBuilder sb = new StringBuilder();
            if (i % 10 == 0) {
                sb.append("{\"").append(WORDS[random.nextInt(WORDS.length)]).append("\": \"");
            }
            while (sb.length() < length) {
                String w = WORDS[random.nextInt(WORDS.length)];
                sb.append(random.nextInt(8) == 0 ? w.toUpperCase() : w);
                int r = random.nextInt(20);
                sb.append(r == 0 ? ". " : r == 1 ? ",  " : r == 2 ? "!\n\n" : " ");
            }
            String s = sb.substring(0, length);
            out.add(i % 10 == 0 ? s.replace("\"", "'") + "\"}" : s);
        }
        return out;
    }
}
