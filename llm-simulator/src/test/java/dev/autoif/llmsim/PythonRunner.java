package dev.autoif.llmsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs many (function, input) pairs on the machine's CPython in one process. Only ever given functions the
 * simulator writes for well-behaved answers, never its hostile ones (those are only compiled, see {@link #compiles}).
 */
public final class PythonRunner {

    static final String PYTHON = System.getProperty("sim.python", "/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCRIPT = """
            import json, sys
            jobs = json.load(open(sys.argv[1], encoding='utf-8'))
            out = []
            for job in jobs:
                try:
                    code = compile(job['code'], '<evaluate>', 'exec')
                    if job['mode'] == 'compile':
                        out.append('compiled')
                        continue
                    ns = {}
                    exec(code, ns)
                    if 'evaluate' not in ns:
                        out.append('error: no evaluate')
                        continue
                    result = ns['evaluate'](job['input'])
                    out.append(result if isinstance(result, bool) else 'error: not a bool: ' + repr(result))
                except BaseException as e:
                    out.append('error: ' + type(e).__name__ + ': ' + str(e))
            json.dump(out, open(sys.argv[2], 'w', encoding='utf-8'))
            """;

    public record Job(String code, String input, String mode) {
        public static Job run(String code, String input) {
            return new Job(code, input, "run");
        }

        public static Job compile(String code) {
            return new Job(code, "", "compile");
        }
    }

    private PythonRunner() {
    }

    /** One result per job: Boolean, "compiled", or a String starting with "error:". */
    public static List<Object> run(List<Job> jobs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sim-py");
        Path script = dir.resolve("run.py");
        Path in = dir.resolve("jobs.json");
        Path out = dir.resolve("out.json");
        Files.writeString(script, SCRIPT);
        ArrayNode arr = JSON.createArrayNode();
        for (Job j : jobs) {
            arr.addObject().put("code", j.code()).put("input", j.input()).put("mode", j.mode());
        }
        JSON.writeValue(in.toFile(), arr);
        Process p = new ProcessBuilder(PYTHON, "-I", script.toString(), in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("python timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("python failed: " + log);
        }
        JsonNode results = JSON.readTree(out.toFile());
        List<Object> list = new ArrayList<>();
        for (JsonNode r : results) {
            list.add(r.isBoolean() ? (Object) r.asBoolean() : r.asText());
        }
        return list;
    }

    /** The label of every job whose result is not its expected verdict, with what Python said instead. */
    public static List<String> disagreements(List<Job> jobs, List<Boolean> expected, List<String> labels)
            throws IOException, InterruptedException {
        List<Object> results = run(jobs);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!expected.get(i).equals(results.get(i))) {
                wrong.add(labels.get(i) + " -> " + results.get(i));
            }
        }
        return wrong;
    }

    public static String compiles(String code) throws IOException, InterruptedException {
        return (String) run(List.of(Job.compile(code))).getFirst();
    }
}
