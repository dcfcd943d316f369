package dev.autoif.verifier.sandbox;

import dev.autoif.verifier.bench.Workload;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** Where one context's time goes: integrity check, loading, one call per input vs one batched call. Prints only. */
public final class SandboxProbe {

    public static void main(String[] args) throws Exception {
        SandboxLimits limits = SandboxLimits.defaults().withWorkers(1);
        try (Engine engine = Engine.newBuilder("python").sandbox(SandboxPolicy.CONSTRAINED)
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build();
                Watchdog watchdog = new Watchdog(5)) {
            Source prelude = Source.create("python", new String(SandboxProbe.class
                    .getResourceAsStream("/sandbox/prelude.py").readAllBytes()));
            try (org.graalvm.polyglot.Context c = org.graalvm.polyglot.Context.newBuilder("python").engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED).out(java.io.OutputStream.nullOutputStream())
                    .err(java.io.OutputStream.nullOutputStream()).build()) {
                c.eval(prelude);
                Value g = c.getBindings("python");
                g.getMember("_configure").execute(String.join(",", limits.allowedModules()), 1000, 1000,
                        "re,string,json,math,collections,itertools,functools");
                c.eval("python", """
                        import time as _t
                        def _probe():
                            out = []
                            for name, snap in list(_SNAPSHOTS.items()):
                                s = _t.perf_counter()
                                for _ in range(20):
                                    _unchanged(name, snap)
                                out.append((round((_t.perf_counter() - s) / 20 * 1e6), name, len(snap[1]), len(snap[2]), len(snap[4])))
                            out.sort(reverse=True)
                            return repr(out[:25]) + ' total modules %d' % len(out)
                        """);
                for (int i = 0; i < 3; i++) {
                    System.out.println(g.getMember("_probe").execute().asString());
                }
                c.eval("python", """
                        import time as _t2
                        def _load_parts(code):
                            s0 = _t2.perf_counter()
                            tree = _ast.parse(code)
                            [n for n in _ast.walk(tree) if isinstance(n, (_ast.Import, _ast.Name))]
                            _ast.dump(tree)
                            s1 = _t2.perf_counter(); _check(code)
                            s2 = _t2.perf_counter(); ns = _namespace(); exec(code, ns)
                            s3 = _t2.perf_counter()
                            return (s1 - s0, s2 - s1, s3 - s2)
                        """);
                List<String> probeFns = Workload.functions(120);
                for (int round = 0; round < 2; round++) {
                    double[] sum = new double[3];
                    for (String f : probeFns.subList(round * 60, round * 60 + 60)) {
                        Value parts = g.getMember("_load_parts").execute(f);
                        for (int k = 0; k < 3; k++) {
                            sum[k] += parts.getArrayElement(k).asDouble();
                        }
                    }
                    System.out.printf("load parts, 60 new functions (ms each): parse + ast.walk + ast.dump (the"
                            + " check before) %.2f, _check now %.2f, exec %.2f%n",
                            sum[0] / 60 * 1e3, sum[1] / 60 * 1e3, sum[2] / 60 * 1e3);
                }
            }
            long t = System.nanoTime();
            SandboxContext ctx = new SandboxContext(engine, prelude, limits, watchdog);
            System.out.printf("context: %.1f ms%n", (System.nanoTime() - t) / 1e6);
            List<String> fs = Workload.functions(60);
            List<String> in = Workload.inputs(50, 7);
            for (int round = 0; round < 3; round++) {
                t = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    ctx.intact();
                }
                System.out.printf("intact: %.2f ms each%n", (System.nanoTime() - t) / 1e6 / 10);
                t = System.nanoTime();
                for (String f : fs) {
                    ctx.load(f);
                }
                System.out.printf("load 60 (round %d): %.2f ms each%n", round, (System.nanoTime() - t) / 1e6 / 60);
                t = System.nanoTime();
                for (String f : fs) {
                    Value fn = ((SandboxContext.Loaded) ctx.load(f)).evaluate();
                    for (String s : in) {
                        ctx.run(fn, s);
                    }
                }
                double one = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                for (String f : fs) {
                    ctx.runAll(((SandboxContext.Loaded) ctx.load(f)).evaluate(), in);
                }
                double all = (System.nanoTime() - t) / 1e9;
                System.out.printf("3000 execs: one call each %.0f exec/s, batched %.0f exec/s%n", 3000 / one,
                        3000 / all);
            }
        }
    }

    private SandboxProbe() {
    }
}
