package dev.autoif.llmsim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Added delay per request: {@code fixed:MS}, {@code uniform:MIN:MAX} or {@code lognormal:MEDIAN:SIGMA} (milliseconds),
 * a bare number meaning fixed. Drawn from the request's own random source, so the same request waits the same.
 */
public record Latency(String kind, double a, double b) {

    public static final Latency NONE = new Latency("fixed", 0, 0);

    public static Latency parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        try {
            String[] p = s.split(":");
            Latency l = switch (p[0]) {
                case "fixed" -> new Latency("fixed", Double.parseDouble(p[1]), 0);
                case "uniform" -> new Latency("uniform", Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                case "lognormal" -> new Latency("lognormal", Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                default -> new Latency("fixed", Double.parseDouble(p[0]), 0);
            };
            if (l.a < 0 || l.b < 0 || (l.kind.equals("uniform") && l.b < l.a)) {
                throw new IllegalArgumentException("negative or inverted latency: " + spec);
            }
            return l;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "latency must be MS, fixed:MS, uniform:MIN:MAX or lognormal:MEDIAN:SIGMA, got: " + spec, e);
        }
    }

    public long sampleMillis(SplittableRandom rng) {
        double ms = switch (kind) {
            case "uniform" -> a + rng.nextDouble() * (b - a);
            case "lognormal" -> a * Math.exp(b * rng.nextGaussian());
            default -> a;
        };
        return Math.round(Math.min(ms, 600_000));
    }

    public String spec() {
        return switch (kind) {
            case "fixed" -> "fixed:" + fmt(a);
            default -> kind + ":" + fmt(a) + ":" + fmt(b);
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
