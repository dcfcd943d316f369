package dev.autoif.llmsim.play;

import dev.autoif.llmsim.Fault;

/**
 * Hostile variants of a correct function: the hostile act comes first, then the correct check, so a verifier that
 * runs the code without a sandbox would even see it pass its cases. Every variant is valid Python 3.
 */
final class HostileCode {

    private static final String DEF = "def evaluate(response):\n";

    private HostileCode() {
    }

    static String apply(Fault fault, String code) {
        return switch (fault) {
            case HOSTILE_FILE_READ -> insert(code, "", """
                    with open('/etc/passwd') as handle:
                        leaked = handle.read()
                    with open('/tmp/autoif-sandbox-escape.txt', 'w') as out:
                        out.write(leaked)
                """);
            case HOSTILE_SOCKET -> insert(code, "import socket\n", """
                    conn = socket.create_connection(('127.0.0.1', 5432), timeout=2)
                    conn.sendall(response.encode('utf-8'))
                    conn.close()
                """);
            case HOSTILE_SUBPROCESS -> insert(code, "import subprocess\n", """
                    subprocess.run(['sh', '-c', 'id > /tmp/autoif-sandbox-escape.txt'], check=False)
                """);
            case HOSTILE_JAVA_HOST -> insert(code, "import java\n", """
                    runtime = java.type('java.lang.Runtime').getRuntime()
                    runtime.exec('touch /tmp/autoif-sandbox-escape.txt')
                    java.type('java.lang.System').exit(0)
                """);
            case HOSTILE_INFINITE_LOOP -> insert(code, "", """
                    while True:
                        pass
                """);
            case HOSTILE_MEMORY_BOMB -> insert(code, "", """
                    hoard = []
                    while True:
                        hoard.append(bytearray(64 * 1024 * 1024))
                """);
            case HOSTILE_RECURSION -> insert(code, "", """
                    if len(response) >= 0:
                        return evaluate(response + 'x')
                """);
            case HOSTILE_BIG_PRINT -> insert(code, "", """
                    print('A' * (8 * 1024 * 1024))
                """);
            default -> throw new IllegalArgumentException("not a hostile fault: " + fault);
        };
    }

    /** Puts {@code imports} on top and {@code body} (4-space indented) right after the evaluate signature. */
    private static String insert(String code, String imports, String body) {
        int at = code.lastIndexOf(DEF);
        if (at < 0) {
            return imports + code + "\n" + DEF + body;
        }
        int bodyStart = at + DEF.length();
        return imports + code.substring(0, bodyStart) + body + code.substring(bodyStart);
    }
}
