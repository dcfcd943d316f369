package dev.autoif.e2e;

/** The six services in pipeline order, with the ports a local run gives them. */
enum Service {
    INSTRUCTION("instruction-service", 8081),
    VERIFIER("verifier-service", 8082),
    NLI("nli-service", 8083),
    QUERY("query-service", 8084),
    JUDGE("judge-service", 8085),
    EXPORT("export-service", 8086);

    final String module;
    final int localPort;

    Service(String module, int localPort) {
        this.module = module;
        this.localPort = localPort;
    }
}
