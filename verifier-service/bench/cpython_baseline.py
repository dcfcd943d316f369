"""The research code's way: exec each function in one CPython process, call it under a 5 s signal.alarm.
Prints the executions per second on the last line."""
import json
import signal
import sys
import time


def _alarm(signum, frame):
    raise TimeoutError()


def main(path):
    with open(path) as f:
        data = json.load(f)
    signal.signal(signal.SIGALRM, _alarm)
    functions, inputs = data['functions'], data['inputs']
    start = time.perf_counter()
    n = 0
    for code in functions:
        namespace = {}
        try:
            exec(code, namespace)
            evaluate = namespace['evaluate']
        except Exception:
            continue
        for text in inputs:
            signal.alarm(5)
            try:
                bool(evaluate(text))
            except Exception:
                pass
            finally:
                signal.alarm(0)
            n += 1
    elapsed = time.perf_counter() - start
    print(n / elapsed)


if __name__ == '__main__':
    main(sys.argv[1])
