package dev.autoif.llmsim.catalogue;

import java.util.Map;

/** The parameter values of one constraint. */
public record Params(Map<String, String> values) {

    public Params {
        values = Map.copyOf(values);
    }

    public String s(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return v;
    }

    public int i(String name) {
        return Integer.parseInt(s(name));
    }
}
